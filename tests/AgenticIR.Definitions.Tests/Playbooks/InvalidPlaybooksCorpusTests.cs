using AgenticIR.Definitions.Playbooks;
using AgenticIR.Definitions.Tests.Yaml;

namespace AgenticIR.Definitions.Tests.Playbooks;

/// <summary>Each invalid playbooks.yaml must fail with exactly the pinned errors (every error, with line and column).</summary>
public sealed class InvalidPlaybooksCorpusTests
{
    public static TheoryData<string, string, string[]> Cases() => new()
    {
        {
            "unknown_keys_and_bad_mode",
            """
            playbooks:
              - name: phishing_triage
                match: { labels: [phishing], lable: x }
                mode: shadowy
                by_severity: { critcal: assisted, high: sometimes }
            """,
            [
                "playbooks.yaml:3:34: playbooks[0].match.lable: unknown key 'lable'; did you mean 'labels'? (allowed: soar_instance, labels, playbook, incident_types, playbooks, kafka_topic, rule_name)",
                "playbooks.yaml:4:11: playbooks[0].mode: 'shadowy' is not one of: off, shadow, assisted, autonomous",
                "playbooks.yaml:5:20: playbooks[0].by_severity.critcal: unknown key 'critcal'; did you mean 'critical'? (allowed: informational, low, medium, high, critical)",
                "playbooks.yaml:5:45: playbooks[0].by_severity.high: 'sometimes' is not one of: off, shadow, assisted, autonomous",
            ]
        },
        {
            "capabilities_out_of_order_unknown_or_empty",
            """
            playbooks:
              - name: a
                match: { labels: [a] }
                mode: shadow
                capabilities: [investigation]
              - name: b
                match: { labels: [b] }
                mode: shadow
                capabilities: [triage, containment]
              - name: c
                match: { labels: [c] }
                mode: shadow
                capabilities: []
            """,
            [
                "playbooks.yaml:5:19: playbooks[0].capabilities: capabilities must be [triage], [triage, investigation] or [triage, investigation, response] (each stage needs the ones before it), got [investigation]",
                "playbooks.yaml:9:28: playbooks[1].capabilities[1]: 'containment' is not one of: triage, investigation, response",
                "playbooks.yaml:13:19: playbooks[2].capabilities: the list must not be empty",
            ]
        },
        {
            "missing_fields_and_empty_match",
            """
            playbooks:
              - match: {}
                mode: shadow
              - name: Bad-Name
                match: { labels: [] }
            """,
            [
                "playbooks.yaml:2:5: playbooks[0].name: missing required key 'name'",
                "playbooks.yaml:2:12: playbooks[0].match.labels: missing required key 'labels' (optionally narrowed by playbook)",
                "playbooks.yaml:4:5: playbooks[1].mode: missing required key 'mode'",
                "playbooks.yaml:4:11: playbooks[1].name: 'Bad-Name' must be a snake_case identifier, e.g. phishing_triage",
                "playbooks.yaml:5:22: playbooks[1].match.labels: the list must not be empty",
            ]
        },
        {
            "reserved_keys_bad_playbook_duplicates",
            """
            playbooks:
              - name: a
                match: { labels: [x, X], kafka_topic: alerts, playbook: "a/b/c" }
                mode: shadow
            """,
            [
                "playbooks.yaml:3:26: playbooks[0].match.labels[1]: 'X' is listed twice",
                "playbooks.yaml:3:43: playbooks[0].match.kafka_topic: 'kafka_topic' is reserved for Kafka intake and not supported yet; match by labels and/or playbook",
                "playbooks.yaml:3:61: playbooks[0].match.playbook: 'a/b/c' is not a playbook name; write repo/name (e.g. local/phishing_investigate) or name",
            ]
        },
        {
            "playbook_without_labels",
            """
            playbooks:
              - name: by_playbook
                match: { playbook: local/malware_triage }
                mode: shadow
            """,
            ["playbooks.yaml:3:12: playbooks[0].match.labels: labels are required: containers are polled by label; add the labels of the containers this playbook runs on"]
        },
        {
            "duplicate_names",
            """
            playbooks:
              - name: a
                match: { labels: [x] }
                mode: shadow
              - name: a
                match: { labels: [y] }
                mode: shadow
            """,
            ["playbooks.yaml:5:5: playbooks[1].name: entry name 'a' is already used at playbooks[0]"]
        },
        {
            "unreachable_entry",
            """
            playbooks:
              - name: all_phishing
                match: { labels: [phishing, email] }
                mode: off
              - name: phishing_assisted
                match: { labels: [phishing] }
                mode: assisted
            """,
            [
                "playbooks.yaml:5:5: playbooks[1].match: entry 'phishing_assisted' never matches: entry 'all_phishing' comes first and takes every container it would",
            ]
        },
        {
            "not_a_list_and_unknown_root",
            """
            playbook:
              - name: a
            playbooks: { name: a }
            """,
            [
                "playbooks.yaml:1:1: playbook: unknown key 'playbook'; did you mean 'playbooks'? (allowed: playbooks)",
                "playbooks.yaml:3:12: playbooks: expected a list, got a map",
            ]
        },
        {
            "syntax_error",
            "playbooks:\n  - name: a\n    match: { labels: [x }\n",
            ["playbooks.yaml:3:25: (syntax): YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'."]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryLoad_InvalidFile_ReportsEveryErrorWithItsLocation(string name, string yaml, string[] expected)
    {
        using var folder = new ScratchFolder();
        var path = folder.Write(Path.Combine(name, "playbooks.yaml"), yaml);

        var (catalog, errors) = PlaybookCatalogLoader.TryLoad(path);

        Assert.Null(catalog);
        Assert.Equal(expected, ErrorLines.Of(errors));
    }

    [Fact]
    public void Load_InvalidFile_ThrowsWithEveryError()
    {
        using var folder = new ScratchFolder();
        var path = folder.Write("playbooks.yaml", "playbooks:\n  - name: a\n    mode: loud\n");

        var ex = Assert.Throws<DefinitionValidationException>(() => PlaybookCatalogLoader.Load(path));

        Assert.Equal(2, ex.Errors.Count);
    }
}
