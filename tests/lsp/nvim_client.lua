-- Neovim (0.7 or newer) as a real client of `newslint server`: open a draft, read the
-- diagnostics back with vim.diagnostic.get(), apply the first code action of NL102, and write
-- what happened as JSON. Driven by tests/lsp/test_neovim.py through environment variables.
local draft, out, python = os.getenv("NEWSLINT_DRAFT"), os.getenv("NEWSLINT_OUT"), os.getenv("NEWSLINT_PYTHON")

local function finish(result)
  local file = io.open(out, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qall!")
end

local function main()
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "newslint",
    cmd = { python, "-m", "newslint", "server" },
    root_dir = vim.fn.fnamemodify(draft, ":h"),
  })
  vim.lsp.buf_attach_client(buf, id)

  if not vim.wait(90000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
    return finish({ error = "no diagnostics within 90 s" })
  end

  local result, target = { diagnostics = {} }, nil
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data.lsp
    table.insert(result.diagnostics, { code = lsp.code, lnum = d.lnum, col = d.col, severity = d.severity })
    if lsp.code == "NL102" then target = lsp end
  end
  if not target then return finish(result) end

  local client = vim.lsp.get_client_by_id(id)
  -- Neovim 0.7 keeps neither the range nor the message in user_data.lsp: ask for the actions
  -- at the fix's range, with no diagnostics in the context (the server knows its own).
  local span = target.data.fix.edits[1].range
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = span, context = { diagnostics = {} } }
  local response = client.request_sync("textDocument/codeAction", params, 10000, buf)
  local action = response.result[1]
  result.action = action.title
  local before = vim.api.nvim_buf_get_lines(buf, span.start.line, span.start.line + 1, false)[1]
  -- The server answers the command with workspace/applyEdit, which Neovim applies to the buffer.
  client.request_sync("workspace/executeCommand", action.command, 10000, buf)
  vim.wait(10000, function()
    return vim.api.nvim_buf_get_lines(buf, span.start.line, span.start.line + 1, false)[1] ~= before
  end, 50)
  result.fixed_line = vim.api.nvim_buf_get_lines(buf, span.start.line, span.start.line + 1, false)[1]
  finish(result)
end

local ok, err = pcall(main)
if not ok then finish({ error = tostring(err) }) end
