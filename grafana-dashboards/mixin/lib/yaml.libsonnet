// A small YAML writer for the rules and provisioning files: strings single-quoted, multi-line strings as
// literal blocks, keys in jsonnet's (sorted) order. Jsonnet 0.18's std.manifestYamlDoc escapes strings one
// character at a time and takes tens of seconds on these files; this writer needs no escaping but for '.
local quote(s) = "'" + std.join("''", std.split(s, "'")) + "'";
local isMultiLine(s) = std.length(std.split(s, '\n')) > 1;
local scalar(v) =
  if std.isString(v) then quote(v)
  else if std.isBoolean(v) then (if v then 'true' else 'false')
  else if v == null then 'null'
  else std.toString(v);
local block(s, indent) =
  local ends = std.length(s) > 0 && s[std.length(s) - 1] == '\n';
  local lines = std.split(if ends then s[0:std.length(s) - 1] else s, '\n');
  (if ends then '|' else '|-') + std.join('', ['\n' + (if l == '' then '' else indent + l) for l in lines]);
local isEmpty(v) = (std.isArray(v) && std.length(v) == 0) || (std.isObject(v) && std.length(std.objectFields(v)) == 0);
local isScalar(v) = !std.isArray(v) && !std.isObject(v);

// The lines of a value at an indentation; `lead` replaces the indentation of the first line ("- " items).
local render(v, indent) =
  if std.isObject(v) then std.flattenArrays([
    local x = v[k];
    if isEmpty(x) then [indent + k + ': ' + (if std.isArray(x) then '[]' else '{}')]
    else if std.isString(x) && isMultiLine(x) then [indent + k + ': ' + block(x, indent + '  ')]
    else if isScalar(x) then [indent + k + ': ' + scalar(x)]
    else if std.isArray(x) then [indent + k + ':'] + render(x, indent + '  ')
    else [indent + k + ':'] + render(x, indent + '  ')
    for k in std.objectFields(v)
  ])
  else if std.isArray(v) then std.flattenArrays([
    if std.isArray(x) then [indent + '- [' + std.join(', ', [scalar(e) for e in x]) + ']']
    else if std.isString(x) && isMultiLine(x) then [indent + '- ' + block(x, indent + '  ')]
    else if isScalar(x) || isEmpty(x) then [indent + '- ' + (if isScalar(x) then scalar(x) else '{}')]
    else
      local lines = render(x, indent + '  ');
      [indent + '- ' + lines[0][std.length(indent) + 2:]] + lines[1:]
    for x in v
  ])
  else [indent + scalar(v)];

{
  manifest(value):: std.join('\n', render(value, '')) + '\n',
}
