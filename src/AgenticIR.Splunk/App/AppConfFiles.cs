using System.Text;
using AgenticIR.Splunk.Events;

namespace AgenticIR.Splunk.App;

/// <summary>The app's .conf, nav and metadata files (splunk.md §2.3).</summary>
internal static class AppConfFiles
{
    /// <summary>Sourcetype of the JSON-lines file a Universal Forwarder sends; rewritten per line at index time.</summary>
    public const string ForwardedSourcetype = "agentic_ir_jsonl";

    public static string AppConf(string appId, string version) => $"""
        [install]
        is_configured = false
        state = enabled
        build = 1

        [launcher]
        author = AgenticIR
        version = {version}
        description = AgenticIR shadow-mode metrics: investigation, triage, response, agent health, shadow agreement with the SOAR playbooks, graduation readiness and autonomous-action governance.

        [ui]
        is_visible = true
        label = AgenticIR Shadow Metrics

        [package]
        id = {appId}
        check_for_updates = false

        [id]
        name = {appId}
        version = {version}

        """;

    public static string PropsConf()
    {
        var text = new StringBuilder();
        text.Append("""
            # Events arrive through HEC /services/collector/event (the envelope's time becomes _time) or from the
            # JSON-lines file through a Universal Forwarder. Search-time JSON extraction only: never INDEXED_EXTRACTIONS
            # as well (that would extract every field twice).

            """);
        foreach (var sourcetype in Sourcetypes.All)
        {
            text.Append($"""

                [{sourcetype}]
                KV_MODE = json
                SHOULD_LINEMERGE = false
                TRUNCATE = 100000
                category = Custom
                description = AgenticIR {sourcetype.Replace('_', ' ')} event

                """);
        }
        text.Append($$"""

            # The forwarded file holds one HEC envelope per line. Index time (indexer or heavy forwarder): take _time from
            # the envelope, set the sourcetype the envelope names, then keep only the event object as _raw.
            [{{ForwardedSourcetype}}]
            SHOULD_LINEMERGE = false
            LINE_BREAKER = ([\r\n]+)
            TIME_PREFIX = ^\{"time":
            TIME_FORMAT = %s.%3N
            MAX_TIMESTAMP_LOOKAHEAD = 16
            TRUNCATE = 100000
            TRANSFORMS-agentic_ir = agentic_ir_sourcetype_from_envelope, agentic_ir_unwrap_envelope
            category = Custom
            description = AgenticIR metrics file (HEC envelopes, one per line)

            """);
        return text.ToString();
    }

    /// <summary>Regex that captures the sourcetype the envelope names (used by the test as well).</summary>
    public const string SourcetypeRegex = """^\{"time":[^,]*,"host":"[^"]*","source":"[^"]*","sourcetype":"([a-z_]+)",""";

    /// <summary>Regex whose group 1 is the event object of an envelope line.</summary>
    public const string UnwrapRegex = """^\{"time":[^,]*,"host":"[^"]*","source":"[^"]*","sourcetype":"[^"]*","index":"[^"]*","event":(\{.*\})\}$""";

    public static string TransformsConf() => $"""
        # Applied in the order TRANSFORMS-agentic_ir lists them: the sourcetype is read before the envelope is removed.
        [agentic_ir_sourcetype_from_envelope]
        REGEX = {SourcetypeRegex}
        FORMAT = sourcetype::$1
        DEST_KEY = MetaData:Sourcetype

        [agentic_ir_unwrap_envelope]
        REGEX = {UnwrapRegex}
        FORMAT = $1
        DEST_KEY = _raw

        """;

    /// <summary>Macro our own panels put after their base search: a redelivered event (same <c>event_id</c>, after an
    /// ambiguous HEC failure or a re-read forwarded file) counts once. The article's panels run as published, without it.</summary>
    public const string DedupMacro = "agentic_ir_dedup";

    public static string MacrosConf() => $"""
        # Used by the app's own panels right after their base search. The article's five panels (AgenticIR – Performance)
        # run its SPL unchanged; add `{DedupMacro}` there too if redelivered events must never count twice.
        [{DedupMacro}]
        definition = dedup event_id
        iseval = 0
        description = Keeps one copy of each AgenticIR event (the same fact always has the same event_id)

        """;

    public static string IndexesConf(string index) => $"""
        # Splunk Cloud: indexes are usually created by an admin (ACS); remove this file there if the install refuses it.
        [{index}]
        homePath = $SPLUNK_DB/{index}/db
        coldPath = $SPLUNK_DB/{index}/colddb
        thawedPath = $SPLUNK_DB/{index}/thaweddb
        frozenTimePeriodInSecs = 31536000

        """;

    public static string Nav(IReadOnlyList<DashboardDefinition> dashboards)
    {
        var text = new StringBuilder("<nav search_view=\"search\">\n");
        for (var i = 0; i < dashboards.Count; i++)
            text.Append($"  <view name=\"{dashboards[i].Name}\"{(i == 0 ? " default=\"true\"" : "")} />\n");
        text.Append("  <view name=\"search\" />\n</nav>\n");
        return text.ToString();
    }

    public const string DefaultMeta = """
        # Shared with every app so the sourcetype settings and dashboards apply outside this app too.
        []
        access = read : [ * ], write : [ admin ]
        export = system

        """;

    public static string Readme(string appId, string version) => $"""
        # {appId} {version}

        Dashboards and sourcetype settings for AgenticIR metrics (index `agentic_ir`). Install through
        Apps > Manage Apps > Install app from file, or extract into `$SPLUNK_HOME/etc/apps/`. Set up the HEC token
        (allowed index `agentic_ir`) as described in AgenticIR's docs/splunk.md.

        """;
}
