namespace AgenticIR.Splunk.Hec;

/// <summary>Envelope metadata shared by every event of one sender.</summary>
public sealed record HecEnvelopeSettings(string Host, string Index, string Source = Events.Sourcetypes.Source);
