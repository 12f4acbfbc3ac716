using System.Globalization;
using System.Text;

namespace AgenticIR.Storage.Shared.Audit;

/// <summary>Stored text quoted in a verification problem: control characters (which could move a terminal's cursor or
/// forge a line) are shown as <c>\uXXXX</c>, and long text is cut.</summary>
internal static class VisibleText
{
    private const int MaxLength = 80;

    public static string Of(string text)
    {
        var visible = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text)
        {
            if (visible.Length >= MaxLength)
            {
                visible.Append('…');
                break;
            }
            if (char.IsControl(c) || c is '\u2028' or '\u2029') visible.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else visible.Append(c);
        }
        return visible.ToString();
    }
}
