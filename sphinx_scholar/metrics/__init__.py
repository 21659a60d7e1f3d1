"""Citation counts: fetched from open services by ``sphinx-scholar
metrics`` into a data file the site commits (:mod:`.command`,
:mod:`.sources`), and read from that file by the build (:mod:`.site`),
which never touches the network. :mod:`.data` is the file's format,
:mod:`.totals` a profile's sums and h-index.
"""
