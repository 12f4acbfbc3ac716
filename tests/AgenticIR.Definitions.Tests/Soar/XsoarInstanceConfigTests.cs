using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Soar;
using AgenticIR.Definitions.Tests.Yaml;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Soar;

/// <summary>The <c>xsoar</c> list of config/soar.yaml: every field read, defaults applied, and every rule an operator
/// can break reported as file:line:column.</summary>
public sealed class XsoarInstanceConfigTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ReadSet_ShippedFile_HasNoXsoarInstances()
    {
        var (set, errors) = SoarConfigLoader.ReadSet(Path.Combine(RepoPaths.Config, "soar.yaml"));

        Assert.Empty(errors);
        Assert.Empty(set.Xsoar);
    }

    [Fact]
    public void ReadSet_V6AndV8Instances_ReadsEveryFieldAndDefaults()
    {
        var (set, errors) = SoarConfigLoader.ReadSet(_folder.Write("soar.yaml", """
            splunk_soar: []
            xsoar:
              - name: onprem
                base_url: https://xsoar.example.com
                api_key_env: AGENTICIR_XSOAR_ONPREM_KEY
              - name: cloud
                base_url: https://api-tenant.xdr.eu.paloaltonetworks.com
                api_key_file: /run/secrets/xsoar_cloud
                auth_id: 17
                advanced_key: true
                verify_tls: false
                timeout_seconds: 45
                poll_interval_seconds: 60
                page_size: 250
                approvals: tasks
            """));

        Assert.Empty(errors);
        var v6 = set.Xsoar[0];
        Assert.Equal(("onprem", "AGENTICIR_XSOAR_ONPREM_KEY", false), (v6.Name, v6.ApiKeyEnv, v6.IsV8));
        Assert.Equal((true, false, false, 30, 30, 100, XsoarApprovalChannel.WarRoom),
            (v6.VerifyTls, v6.AllowHttp, v6.AdvancedKey, v6.TimeoutSeconds, v6.PollIntervalSeconds, v6.PageSize, v6.Approvals));
        var v8 = set.Xsoar[1];
        Assert.Equal(("17", true, "/run/secrets/xsoar_cloud", true), (v8.AuthId, v8.AdvancedKey, v8.ApiKeyFile, v8.IsV8));
        Assert.Equal((false, 45, 60, 250, XsoarApprovalChannel.Tasks), (v8.VerifyTls, v8.TimeoutSeconds, v8.PollIntervalSeconds, v8.PageSize, v8.Approvals));
        Assert.Equal(new Uri("https://api-tenant.xdr.eu.paloaltonetworks.com"), v8.BaseUrl);
    }

    [Fact]
    public void ReadSet_OnlyXsoarList_IsValid()
    {
        var (set, errors) = SoarConfigLoader.ReadSet(_folder.Write("soar.yaml", """
            xsoar:
              - { name: lab, base_url: "http://127.0.0.1:8090", allow_http: true, api_key_env: KEY }
            """));

        Assert.Empty(errors);
        Assert.Empty(set.All);
        Assert.Equal("lab", Assert.Single(set.Xsoar).Name);
    }

    public static TheoryData<string, string, string[]> Invalid() => new()
    {
        {
            "key_sources_and_unknown_key",
            """
            xsoar:
              - name: a
                base_url: https://xsoar.example.com
                api_key: abc123
              - name: b
                base_url: https://xsoar.example.com
                api_key_env: K
                api_key_file: /k
            """,
            [
                "soar.yaml:2:5: xsoar[0].api_key_env: set exactly one of api_key_env or api_key_file (the key itself never goes in this file)",
                "soar.yaml:4:5: xsoar[0].api_key: unknown key 'api_key' (allowed: name, base_url, api_key_env, api_key_file, auth_id, advanced_key, verify_tls, allow_http, timeout_seconds, poll_interval_seconds, page_size, approvals)",
                "soar.yaml:5:5: xsoar[1].api_key_env: set exactly one of api_key_env or api_key_file (the key itself never goes in this file)",
            ]
        },
        {
            "http_v8_host_and_advanced_without_id",
            """
            xsoar:
              - name: a
                base_url: http://xsoar.example.com
                api_key_env: K
                advanced_key: true
              - name: b
                base_url: https://tenant.xdr.eu.paloaltonetworks.com
                api_key_env: K
                auth_id: 3
              - name: c
                base_url: https://api-tenant.xdr.eu.paloaltonetworks.com/xsoar
                api_key_env: K
                auth_id: 3
            """,
            [
                "soar.yaml:3:15: xsoar[0].base_url: XSOAR is reached over HTTPS; use https:// (allow_http: true is for tests and the simulator)",
                "soar.yaml:5:19: xsoar[0].advanced_key: advanced keys exist on XSOAR 8 / XSIAM only; set auth_id (the key's id) as well",
                "soar.yaml:7:15: xsoar[1].base_url: with auth_id (XSOAR 8 / XSIAM) give the API URL, e.g. https://api-tenant.xdr.eu.paloaltonetworks.com; copy it from Settings > API Keys > Copy API URL",
                "soar.yaml:11:15: xsoar[2].base_url: give the API URL without /xsoar; the client adds it",
            ]
        },
        {
            "values_out_of_range_and_duplicate_name",
            """
            xsoar:
              - name: a
                base_url: https://xsoar.example.com
                api_key_env: K
                auth_id: the-secret-key
                approvals: comments
                page_size: 0
              - name: a
                base_url: https://user:pw@xsoar.example.com
                api_key_env: 1BAD
            """,
            [
                "soar.yaml:5:14: xsoar[0].auth_id: 'the-secret-key' is not an API key id (the number in the ID column of the key; the key itself goes in api_key_env or api_key_file)",
                "soar.yaml:6:16: xsoar[0].approvals: 'comments' is not one of: war_room, tasks",
                "soar.yaml:7:16: xsoar[0].page_size: must be between 1 and 1000, got 0",
                "soar.yaml:9:15: xsoar[1].base_url: must be a plain URL without credentials, query or fragment; the key goes in api_key_env or api_key_file",
                "soar.yaml:10:18: xsoar[1].api_key_env: '1BAD' is not an environment variable name (the key itself never goes in this file)",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ReadSet_InvalidXsoarEntry_ReportsEveryErrorWithItsLocation(string name, string yaml, string[] expected)
    {
        var (set, errors) = SoarConfigLoader.ReadSet(_folder.Write(Path.Combine(name, "soar.yaml"), yaml));

        Assert.Same(SoarInstanceSet.None, set);
        Assert.Equal(expected, ErrorLines.Of(errors));
    }

    [Fact]
    public void ReadSet_XsoarErrors_NeverQuoteTheKeyValueOfTheEnvironment()
    {
        // An operator who pastes the key into auth_id gets an error that quotes it; the message must say where the key goes.
        var (_, errors) = SoarConfigLoader.ReadSet(_folder.Write("soar.yaml", """
            xsoar:
              - { name: a, base_url: "https://xsoar.example.com", api_key_env: K, auth_id: "KEYVALUE" }
            """));

        Assert.Contains("api_key_env or api_key_file", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
