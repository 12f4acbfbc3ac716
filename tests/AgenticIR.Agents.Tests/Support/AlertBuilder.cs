using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Tests.Support;

/// <summary>Fluent builder for normalized alerts and the investigation records that hold them.</summary>
public sealed class AlertBuilder
{
    private readonly List<Observable> _observables = [];
    private readonly Dictionary<string, string> _attributes = new(StringComparer.OrdinalIgnoreCase);
    private string _id = "A-1";
    private string _format = "test";
    private string _title = "Test alert";
    private string? _rule;
    private string? _category;
    private Severity? _severity;
    private DateTimeOffset _at = new(2026, 11, 19, 15, 12, 0, TimeSpan.Zero);

    public AlertBuilder Id(string id) { _id = id; return this; }
    public AlertBuilder Format(string format) { _format = format; return this; }
    public AlertBuilder Title(string title) { _title = title; return this; }
    public AlertBuilder Rule(string rule) { _rule = rule; return this; }
    public AlertBuilder Category(string category) { _category = category; return this; }
    public AlertBuilder Severity(Severity severity) { _severity = severity; return this; }
    public AlertBuilder At(DateTimeOffset at) { _at = at; return this; }
    public AlertBuilder At(string iso) { _at = DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture); return this; }
    public AlertBuilder With(ObservableType type, string value, string? role = null) { _observables.Add(new Observable(type, value, role)); return this; }
    public AlertBuilder WithFreeText(ObservableType type, string value, string? role = null) { _observables.Add(new Observable(type, value, role) { Origin = ObservableOrigin.FreeText }); return this; }
    public AlertBuilder Attribute(string key, string value) { _attributes[key] = value; return this; }

    public NormalizedAlert Build() => new()
    {
        AlertId = _id,
        SourceFormat = _format,
        Title = _title,
        RuleName = _rule,
        Category = _category,
        SourceSeverity = _severity,
        Timestamp = _at,
        Observables = _observables.Distinct().ToList(),
        Attributes = _attributes,
    };

    public InvestigationRecord Record() => RecordOf(Build());

    public static InvestigationRecord RecordOf(NormalizedAlert alert) => new()
    {
        Id = "inv-" + alert.AlertId,
        Fingerprint = "fp-test",
        Stage = InvestigationStage.Investigating,
        Alerts = [alert],
        CreatedAt = alert.Timestamp,
        UpdatedAt = alert.Timestamp,
    };
}
