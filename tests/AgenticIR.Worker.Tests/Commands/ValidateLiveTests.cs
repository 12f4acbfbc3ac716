using AgenticIR.Testing.Network;
using AgenticIR.Worker.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace AgenticIR.Worker.Tests.Commands;

/// <summary><c>agentic-ir validate --live</c> against instances that cannot be checked: one clear line per instance
/// (name, URL, what failed), every instance tried, exit 1, and never a stack trace.</summary>
public sealed class ValidateLiveTests : IDisposable
{
    private const string EmptyPage = """{"count": 0, "num_pages": 0, "data": []}""";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-live-");
    private readonly WireMockServer _refusing = WireMockServer.Start();
    private readonly WireMockServer _reachable = WireMockServer.Start();

    public void Dispose()
    {
        _refusing.Stop();
        _reachable.Stop();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task ValidateLive_ClosedPortAnd401_ClearLinePerInstanceOthersStillCheckedExitOne()
    {
        var ct = TestContext.Current.CancellationToken;
        _refusing.Given(Request.Create().UsingAnyMethod())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json")
                .WithBody("""{"failed": true, "message": "Invalid token"}"""));
        foreach (var path in new[] { "/rest/app", "/rest/app_action", "/rest/asset" })
        {
            _reachable.Given(Request.Create().WithPath(path).UsingGet())
                .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(EmptyPage));
        }
        var closed = $"http://127.0.0.1:{LoopbackEndpoints.ClosedPort()}";
        var config = SoarConfigFolder.Create(_work.FullName, $"""
            splunk_soar:
              - name: closed
                base_url: {closed}
                allow_http: true
                token_env: AGENTICIR_TEST_SOAR_TOKEN
              - name: refusing
                base_url: {_refusing.Url}
                allow_http: true
                token_env: AGENTICIR_TEST_SOAR_TOKEN
              - name: reachable
                base_url: {_reachable.Url}
                allow_http: true
                token_env: AGENTICIR_TEST_SOAR_TOKEN
            """);
        var environment = new Dictionary<string, string> { ["AGENTICIR_TEST_SOAR_TOKEN"] = "tok-live-validation-0001" };

        var (code, output) = await CliProcess.RunAsync(_work.FullName, environment, ct,
            CliProcess.WithHome("validate", "--live", "--policy", config.Policy, "--db", Path.Combine(_work.FullName, "state.db")));

        Assert.Equal(1, code);
        var words = string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"FAILED Splunk SOAR instance 'closed' ({closed}/): unavailable: GET rest/app: connection failed: connection refused", words, StringComparison.Ordinal);
        Assert.Contains($"FAILED Splunk SOAR instance 'refusing' ({_refusing.Url}/): 401 unauthorized: the instance refused the token from environment variable AGENTICIR_TEST_SOAR_TOKEN (Invalid token)", words, StringComparison.Ordinal);
        // The third instance was still asked: it answered, and what it lacks is listed.
        Assert.Contains($"Splunk SOAR instance 'reachable' ({_reachable.Url}/):", words, StringComparison.Ordinal);
        Assert.Contains("block_ip.yaml: splunk_soar: app 'Panorama' is not installed on instance 'reachable'", words, StringComparison.Ordinal);
        Assert.Contains("2 of 3 instance(s) could not be checked", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
    [Fact]
    public async Task ValidateLive_XsoarRenamedArgumentAndDisabledInstance_ListedPerBindingExitOne()
    {
        var ct = TestContext.Current.CancellationToken;
        const string key = "xsoar-live-validation-key-0001";
        _reachable.Given(Request.Create().WithPath("/settings/integration/search").UsingPost().WithHeader("Authorization", key))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                {"configurations": [{"name": "Panorama", "display": "Palo Alto Networks PAN-OS", "integrationScript": {"commands": [
                   {"name": "pan-os-register-ip-tag", "arguments": [{"name": "tag"}, {"name": "ip"}, {"name": "persistent"}]},
                   {"name": "pan-os-unregister-ip-tag", "arguments": [{"name": "tag"}, {"name": "IPs"}]}]}}],
                 "instances": [{"name": "panorama_prod", "brand": "Panorama", "enabled": "false"}]}
                """));
        var config = SoarConfigFolder.Create(_work.FullName, $"""
            xsoar:
              - name: lab
                base_url: {_reachable.Url}
                allow_http: true
                api_key_env: AGENTICIR_TEST_XSOAR_KEY
            """);
        var environment = new Dictionary<string, string> { ["AGENTICIR_TEST_XSOAR_KEY"] = key };

        var (code, output) = await CliProcess.RunAsync(_work.FullName, environment, ct,
            CliProcess.WithHome("validate", "--live", "--policy", config.Policy, "--db", Path.Combine(_work.FullName, "state.db")));

        Assert.Equal(1, code);
        var words = string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Cortex XSOAR instance 'lab' ({_reachable.Url}/):", words, StringComparison.Ordinal);
        Assert.Contains("block_ip.yaml: xsoar: argument 'IPs' is not an argument of 'pan-os-register-ip-tag' (it has: ip, persistent, tag)", words, StringComparison.Ordinal);
        Assert.Contains("block_ip.yaml: xsoar: every instance of integration 'Panorama' is disabled on XSOAR instance 'lab' (panorama_prod)", words, StringComparison.Ordinal);
        Assert.Contains("unblock_ip.yaml: xsoar: every instance of integration 'Panorama' is disabled on XSOAR instance 'lab' (panorama_prod)", words, StringComparison.Ordinal);
        Assert.Contains("live xsoar binding problem(s)", words, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
