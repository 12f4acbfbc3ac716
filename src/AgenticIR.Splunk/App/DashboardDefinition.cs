namespace AgenticIR.Splunk.App;

/// <summary>A Dashboard Studio dashboard: file name (without <c>.xml</c>), label, and panels laid out left to right.</summary>
internal sealed record DashboardDefinition(string Name, string Label, string Description, IReadOnlyList<DashboardPanel> Panels);
