using System.Text;

namespace AgenticIR.Governance.Tests.Audit;

internal static class Rfc4180Parser
{
    /// <summary>A strict RFC 4180 reader: records end at CRLF outside quotes; inside quotes "" is a quote.</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); i++; break;
                case '"' or '\r' or '\n': throw new FormatException($"Unquoted {(int)c} at {i}");
                default: field.Append(c); break;
            }
        }
        Assert.False(quoted, "unterminated quote");
        Assert.Empty(row);
        return rows;
    }
}
