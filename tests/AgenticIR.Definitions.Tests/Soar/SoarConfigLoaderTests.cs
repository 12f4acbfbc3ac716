using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Soar;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Soar;

public sealed class SoarConfigLoaderTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TryLoad_ShippedFile_HasNoErrorsAndNoInstances()
    {
        var ok = SoarConfigLoader.TryLoad(Path.Combine(RepoPaths.Config, "soar.yaml"), out var instances, out var errors);

        Assert.Empty(errors);
        Assert.True(ok);
        Assert.Empty(instances);
    }

    [Fact]
    public void TryLoad_MissingFile_NoInstancesNoErrors()
    {
        var ok = SoarConfigLoader.TryLoad(Path.Combine(_folder.Path, "absent.yaml"), out var instances, out var errors);

        Assert.True(ok);
        Assert.Empty(instances);
        Assert.Empty(errors);
    }

    [Fact]
    public void Load_FullInstance_ReadsEveryField()
    {
        var path = _folder.Write("soar.yaml", """
            splunk_soar:
              - name: prod
                base_url: https://soar.example.com
                token_env: AGENTICIR_SOAR_PROD_TOKEN
                verify_tls: false
                timeout_seconds: 12
                poll_interval_seconds: 45
                page_size: 250
                disposition_field: disposition
                verdict_artifact_label: playbook_verdict
                approvals: asset_approvers
              - name: lab
                base_url: http://localhost:8081
                allow_http: true
                token_file: /run/secrets/soar_lab
            """);

        var instances = SoarConfigLoader.Load(path);

        Assert.Equal(2, instances.Count);
        var prod = instances[0];
        Assert.Equal(("prod", new Uri("https://soar.example.com"), "AGENTICIR_SOAR_PROD_TOKEN", (string?)null), (prod.Name, prod.BaseUrl, prod.TokenEnv, prod.TokenFile));
        Assert.Equal((false, false, 12, 45, 250), (prod.VerifyTls, prod.AllowHttp, prod.TimeoutSeconds, prod.PollIntervalSeconds, prod.PageSize));
        Assert.Equal(("disposition", "playbook_verdict"), (prod.DispositionField, prod.VerdictArtifactLabel));
        Assert.Equal("environment variable AGENTICIR_SOAR_PROD_TOKEN", prod.TokenSource);
        Assert.Equal(SoarApprovalChannel.AssetApprovers, prod.Approvals);
        var lab = instances[1];
        Assert.Equal(("/run/secrets/soar_lab", true), (lab.TokenFile, lab.AllowHttp));
        Assert.Equal((true, 30, 30, 100, (string?)null), (lab.VerifyTls, lab.TimeoutSeconds, lab.PollIntervalSeconds, lab.PageSize, lab.DispositionField));
        Assert.Equal(TimeSpan.FromSeconds(30), lab.Timeout);
        Assert.Equal(SoarApprovalChannel.Comments, lab.Approvals);
    }

    [Fact]
    public void TryLoad_UnknownApprovalChannel_NamesLineAndChoices()
    {
        var path = _folder.Write("soar.yaml", """
            splunk_soar:
              - name: prod
                base_url: https://soar.example.com
                token_env: AGENTICIR_SOAR_PROD_TOKEN
                approvals: playbook_prompts
            """);

        Assert.False(SoarConfigLoader.TryLoad(path, out _, out var errors));

        var error = Assert.Single(errors);
        Assert.True(error.StartsWith($"{path}:5:16: splunk_soar[0].approvals:", StringComparison.Ordinal), error);
        Assert.Contains("asset_approvers", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_ManyMistakes_ReportsEveryOneWithFileLineColumnAndField()
    {
        var path = _folder.Write("soar.yaml", """
            splunk_soar:
              - name: Prod
                base_url: http://soar.example.com
                token_env: AGENTICIR_TOKEN
                timeout_seconds: 0
                page_size: 0
                verfy_tls: true
              - name: lab
                base_url: https://:s3cret@soar.example.com
                token_env: A
                token_file: /run/secrets/x
              - name: lab
                base_url: not a url
              - name: ok
                base_url: https://soar.example.com/rest
                token_env: 1BAD
            """);

        var ok = SoarConfigLoader.TryLoad(path, out var instances, out var errors);

        Assert.False(ok);
        Assert.Empty(instances);
        string[] expected =
        [
            $"{path}:2:11: splunk_soar[0].name: 'Prod' must be lower-case",
            $"{path}:3:15: splunk_soar[0].base_url: SOAR only accepts HTTPS",
            $"{path}:5:22: splunk_soar[0].timeout_seconds: must be between 1 and 300, got 0",
            $"{path}:6:16: splunk_soar[0].page_size: must be between 1 and 1000, got 0",
            $"{path}:7:5: splunk_soar[0].verfy_tls: unknown key 'verfy_tls'; did you mean 'verify_tls'?",
            $"{path}:8:5: splunk_soar[1].token_env: set exactly one of token_env or token_file",
            $"{path}:9:15: splunk_soar[1].base_url: must not carry credentials",
            $"{path}:12:5: splunk_soar[2].token_env: set exactly one of token_env or token_file",
            $"{path}:13:15: splunk_soar[2].base_url: 'not a url' is not an absolute http(s) URL",
            $"{path}:15:15: splunk_soar[3].base_url: give the base URL without /rest",
            $"{path}:16:16: splunk_soar[3].token_env: '1BAD' is not an environment variable name",
        ];
        Assert.Equal(expected.Length, errors.Count);
        foreach (var prefix in expected) Assert.True(errors.Any(e => e.StartsWith(prefix, StringComparison.Ordinal)), prefix + "\n" + string.Join("\n", errors));
        Assert.DoesNotContain(errors, e => e.Contains("s3cret", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DuplicateName_ReportedAtTheSecondEntry()
    {
        var path = _folder.Write("soar.yaml", """
            splunk_soar:
              - name: prod
                base_url: https://a.example.com
                token_env: A
              - name: prod
                base_url: https://b.example.com
                token_env: B
            """);

        var (instances, errors) = SoarConfigLoader.Read(path);

        Assert.Empty(instances);
        var error = Assert.Single(errors);
        Assert.Equal((5, "splunk_soar[1].name"), (error.Line, error.Field));
        Assert.Contains("'prod' is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTopLevelKey_Throws()
    {
        var path = _folder.Write("soar.yaml", "splunk_soar: []\nxsoar: []\ncortex: []\n");

        var ex = Assert.Throws<DefinitionValidationException>(() => SoarConfigLoader.Load(path));

        Assert.Equal("cortex", Assert.Single(ex.Errors).Field);
    }
}
