using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgenticIR.SoarSimulator.Query;

/// <summary>Paging (<c>page</c> from 0, <c>page_size</c> default 10, 0 = all), <c>sort</c>/<c>order</c> and
/// <c>_filter_*</c> clauses of a SOAR list request.</summary>
internal sealed class ListQuery
{
    public const int DefaultPageSize = 10;

    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
    public string Sort { get; init; } = "id";
    public bool Descending { get; init; }
    public IReadOnlyList<FieldFilter> Filters { get; init; } = [];
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();

    public static ListQuery Parse(IQueryCollection query)
    {
        var filters = new List<FieldFilter>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (key.StartsWith(FieldFilter.Prefix, StringComparison.Ordinal))
            {
                filters.AddRange(values.Select(v => FieldFilter.Parse(key, v ?? "")));
            }
            else
            {
                flags.Add(key);
            }
        }
        return new ListQuery
        {
            Page = Math.Max(0, ParseInt(query["page"], 0)),
            PageSize = Math.Max(0, ParseInt(query["page_size"], DefaultPageSize)),
            Sort = string.IsNullOrWhiteSpace(query["sort"]) ? "id" : query["sort"].ToString(),
            Descending = string.Equals(query["order"], "desc", StringComparison.OrdinalIgnoreCase),
            Filters = filters,
            Flags = flags,
        };
    }

    public bool HasFilterOn(string field) => Filters.Any(f => f.Path.Count > 0 && f.Path[0] == field);

    /// <summary>Filters, sorts and pages <paramref name="items"/> (already cloned) into the list envelope.</summary>
    public JsonObject ToPage(IEnumerable<JsonObject> items)
    {
        var sortPath = Sort.Split('.');
        var matched = items.Where(i => Filters.All(f => f.Matches(i))).ToList();
        matched.Sort((a, b) =>
        {
            var byField = JsonValues.Compare(JsonValues.Get(a, sortPath), JsonValues.Get(b, sortPath));
            if (byField == 0) byField = JsonValues.Compare(a["id"], b["id"]);
            return Descending ? -byField : byField;
        });
        var count = matched.Count;
        var pageItems = PageSize == 0 ? matched : matched.Skip(Page * PageSize).Take(PageSize).ToList();
        var numPages = PageSize == 0 ? (count == 0 ? 0 : 1) : (count + PageSize - 1) / PageSize;
        var data = new JsonArray();
        foreach (var item in pageItems) data.Add(item);
        return new JsonObject { ["count"] = count, ["num_pages"] = numPages, ["data"] = data };
    }

    private static int ParseInt(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
