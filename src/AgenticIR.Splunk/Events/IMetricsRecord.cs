namespace AgenticIR.Splunk.Events;

/// <summary>A typed metrics record: its properties are the event body (snake_case), these three members are not.</summary>
public interface IMetricsRecord
{
    /// <summary>Splunk sourcetype.</summary>
    string Sourcetype { get; }

    /// <summary>Id of what the event describes (investigation, action, heartbeat tick); hashed with the sourcetype into
    /// the event id, so the same fact always gets the same id.</summary>
    string SourceId { get; }

    /// <summary>Event time.</summary>
    DateTimeOffset Time { get; }
}
