"""The language server (`newslint server`): editor buffers linted by the one engine.

`server` handles the protocol messages; `session` holds the state and does the work; `store`
keeps open buffers in step with the editor; `scheduler` debounces and supersedes lints;
`linting` calls the engine and renders LSP diagnostics; `progress` reports long jobs;
`actions` and `hover` answer from the last result; `settings`, `configs`, `source_files` and
`watchers` hold what the workspace asks for; `toml_edit` changes the workspace configuration
(a rule disabled, a spelling accepted).
"""
