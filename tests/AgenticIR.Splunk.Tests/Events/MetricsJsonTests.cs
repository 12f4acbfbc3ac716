using System.Globalization;
using AgenticIR.Core.Metrics;
using AgenticIR.Splunk.Events;

namespace AgenticIR.Splunk.Tests.Events;

public sealed class MetricsJsonTests
{
    [Fact]
    public void SerializeBody_EventIdFirstAndNullsLeftOut()
    {
        var e = new MetricsEvent("abc", "agent_heartbeat", DateTimeOffset.UnixEpoch,
            new Dictionary<string, object?> { ["agent_name"] = "triage_agent", ["last_action_time"] = null, ["error_count"] = 3, ["ratio"] = 0.25 });

        Assert.Equal("""{"event_id":"abc","agent_name":"triage_agent","error_count":3,"ratio":0.25}""", MetricsJson.SerializeBody(e));
    }

    [Fact]
    public void EpochText_AnyCurrentCulture_DotAndThreeDecimals()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // Whatever culture the host runs in (splunk.md §1.3: "1479456012,045" is rejected by HEC).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            Assert.Equal("1764000000.120", MetricsJson.EpochText(DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_120)));
            Assert.Equal("1764000000.000", MetricsJson.EpochText(DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void EventId_DependsOnSourcetypeAndSourceId()
    {
        Assert.Equal(MetricsRecords.EventId("incident_metrics", "inv-1"), MetricsRecords.EventId("incident_metrics", "inv-1"));
        Assert.NotEqual(MetricsRecords.EventId("incident_metrics", "inv-1"), MetricsRecords.EventId("learning_metrics", "inv-1"));
        Assert.NotEqual(MetricsRecords.EventId("incident_metrics", "inv-1"), MetricsRecords.EventId("incident_metrics", "inv-2"));
    }
}
