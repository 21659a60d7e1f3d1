extensions = ["sphinx_scholar"]
scholar_people_file = "data/people.yaml"
scholar_metrics_file = "data/metrics.yaml"
project = "Metrics"
copyright = "2026, the authors"
