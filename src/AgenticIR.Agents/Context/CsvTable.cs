using System.Text;

namespace AgenticIR.Agents.Context;

/// <summary>Reads one RFC 4180 file (header row, comma separated, quoted cells may hold commas, quotes and newlines).</summary>
internal static class CsvTable
{
    /// <summary>Rows after the header; a missing file is empty. Throws <see cref="ContextDataException"/> on a malformed row.</summary>
    public static IEnumerable<CsvRow> Read(string path, IReadOnlyList<string> requiredColumns)
    {
        if (!File.Exists(path)) yield break;
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        var records = ReadRecords(reader, name).GetEnumerator();
        using var _ = records;
        if (!records.MoveNext()) yield break;
        var (headerLine, header) = records.Current;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) columns[header[i].Trim()] = i;
        foreach (var required in requiredColumns)
        {
            if (!columns.ContainsKey(required))
                throw new ContextDataException(name, headerLine, $"header lacks column '{required}' (expected {string.Join(",", requiredColumns)})");
        }
        while (records.MoveNext())
        {
            var (line, cells) = records.Current;
            if (cells.Count == 1 && cells[0].Length == 0) continue;
            if (cells.Count != header.Count)
                throw new ContextDataException(name, line, $"expected {header.Count} fields, found {cells.Count}");
            yield return new CsvRow(name, line, columns, cells);
        }
    }

    private static IEnumerable<(int Line, List<string> Cells)> ReadRecords(TextReader reader, string name)
    {
        var line = 1;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var start = 1;
        var quoted = false;
        var afterQuote = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); cell.Append('"'); }
                    else { quoted = false; afterQuote = true; }
                }
                else
                {
                    if (ch == '\n') line++;
                    cell.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when cell.Length == 0 && !afterQuote:
                    quoted = true;
                    break;
                case '"':
                    throw new ContextDataException(name, start, "stray quote inside an unquoted cell");
                case ',':
                    cells.Add(cell.ToString()); cell.Clear(); afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString()); cell.Clear(); afterQuote = false;
                    yield return (start, cells);
                    cells = [];
                    line++;
                    start = line;
                    any = false;
                    break;
                default:
                    if (afterQuote) throw new ContextDataException(name, start, "text after a closing quote");
                    cell.Append(ch);
                    break;
            }
        }
        if (quoted) throw new ContextDataException(name, start, "quoted cell is never closed");
        if (any)
        {
            cells.Add(cell.ToString());
            yield return (start, cells);
        }
    }
}
