"""Publications into the site's YAML file: by identifier (``doi:``,
``arxiv:``, ``openalex:``, ``orcid:``) from open services, or from BibTeX,
RIS and CSL-JSON files, merged with what the file already holds.

The parts, from left to right: :mod:`.identifiers` reads what the user asked
for; :mod:`.clients` fetch it politely (:mod:`.http`) and :mod:`.mapping`
turns each service's record into the fields of the YAML form; :mod:`.files`
reads files the same way; :mod:`.merge` decides, field by field, what an
import may change; :mod:`.store` writes the file back, item by item;
:mod:`.command` runs it all for ``sphinx-scholar import``.

Nothing here is imported by the Sphinx extension: the build never touches
the network.
"""
