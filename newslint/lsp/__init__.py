"""The language server (`newslint server`): editor buffers linted by the one engine.

`server` sets up the protocol, `store` keeps open buffers in step with the editor, `scheduler`
debounces and supersedes lints, `linting` calls the engine and renders LSP diagnostics,
`actions` and `hover` answer from the last result, `settings`, `configs` and `sources` hold
what the workspace asks for.
"""
