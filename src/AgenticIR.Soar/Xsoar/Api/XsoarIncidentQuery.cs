namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>An incident search: by type and/or id, modified at or after a cursor, one page, sorted by modified time.</summary>
internal sealed record XsoarIncidentQuery
{
    /// <summary>Incident types (any of them); empty for every type.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Incident ids (any of them); empty for every id.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Only incidents modified at or after this instant (<c>modified:&gt;="…"</c>); null for all.</summary>
    public DateTimeOffset? ModifiedFrom { get; init; }

    /// <summary>Only incidents created at or after this instant (<c>created:&gt;="…"</c>); null for all. Without
    /// <see cref="ModifiedFrom"/>, pages are sorted on <c>created</c>, which never moves, so paging is stable.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only incidents of exactly this name (<c>name:"…"</c>); null for any name.</summary>
    public string? Name { get; init; }

    /// <summary>0-based page.</summary>
    public int Page { get; init; }

    /// <summary>Page size; null for the instance's <c>page_size</c>.</summary>
    public int? Size { get; init; }

    /// <summary>Oldest modification first (the intake cursor's order); false for newest first.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool OldestFirst { get; init; } = true;
}
