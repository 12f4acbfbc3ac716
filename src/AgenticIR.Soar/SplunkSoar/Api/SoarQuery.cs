using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>Builds a query string the way SOAR's filters expect: string values JSON-quoted
/// (<c>_filter_source_data_identifier="…"</c>, as <c>json.dumps</c> does in Splunk's own connectors), then URL-encoded.</summary>
internal sealed class SoarQuery
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<string> _parts = [];

    public IReadOnlyList<string> Parts => _parts;

    public SoarQuery Raw(string name, string value)
    {
        _parts.Add(name + "=" + Uri.EscapeDataString(value));
        return this;
    }

    public SoarQuery Number(string name, long value) => Raw(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A string filter value, JSON-quoted.</summary>
    public SoarQuery Quoted(string name, string value) => Raw(name, JsonSerializer.Serialize(value, Quoting));

    /// <summary>A list filter (<c>__in</c>), as a JSON array.</summary>
    public SoarQuery QuotedList(string name, IEnumerable<string> values) => Raw(name, JsonSerializer.Serialize(values, Quoting));

    /// <summary>A date filter: ISO 8601 UTC with microseconds, JSON-quoted (the form SOAR writes its own timestamps in).</summary>
    public SoarQuery Date(string name, DateTimeOffset value) => Quoted(name, FormatDate(value));

    /// <summary>A bare flag such as <c>include_expensive</c>.</summary>
    public SoarQuery Flag(string name)
    {
        _parts.Add(name);
        return this;
    }

    public SoarQuery Paging(int page, int pageSize) => Number("page", page).Number("page_size", pageSize);

    public SoarQuery Sort(string field, bool ascending) => Raw("sort", field).Raw("order", ascending ? "asc" : "desc");

    public string AppendTo(string path) => _parts.Count == 0 ? path : path + "?" + string.Join('&', _parts);

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
