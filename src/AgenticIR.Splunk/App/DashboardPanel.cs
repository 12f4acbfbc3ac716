namespace AgenticIR.Splunk.App;

/// <summary>One visualization with its own search.</summary>
/// <param name="Id">Suffix of the viz and data source ids.</param>
/// <param name="Title">Panel title.</param>
/// <param name="VizType">Dashboard Studio type, e.g. <c>splunk.table</c>.</param>
/// <param name="Query">SPL.</param>
/// <param name="Width">Grid width (of 1440).</param>
/// <param name="Height">Grid height.</param>
/// <param name="Earliest">Fixed earliest time; null uses the dashboard's time picker.</param>
/// <param name="DrilldownQuery">When set, a click opens this search (<c>drilldown.linkToSearch</c>).</param>
internal sealed record DashboardPanel(string Id, string Title, string VizType, string Query, int Width, int Height,
    string? Earliest = null, string? DrilldownQuery = null)
{
    public string Description { get; init; } = "";
}
