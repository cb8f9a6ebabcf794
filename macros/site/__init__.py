"""The MkDocs glue: the `sop` plugin, the pages it adds, and the macros pages call.

Nothing below this package imports it: the records, checks and renderers run without MkDocs.

- ``config``: the plugin's declared settings (mkdocs.yml, `plugins: - sop:`).
- ``plugin``: ``SopPlugin``, the MkDocs events in their order, and the build's state.
- ``state``: what one build knows (the handbook, its findings, links between pages).
- ``pages``: the pages and files the handbook generates (SOPs, satker, exports, source documents).
- ``nav``: the navigation's satker groups.
- ``aside``: finished HTML blocks kept out of Python-Markdown's way.
- ``repo``: edit and history links, and each record's last change.
- ``vendor``: the pinned front-end files the site serves itself.
- ``mermaid``: mkdocs-mermaid2's fence and script tags.
- ``authoring``: the macros, for generated and hand-written pages alike.
"""
