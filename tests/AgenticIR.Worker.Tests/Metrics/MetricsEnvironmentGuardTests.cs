using System.CommandLine;
using System.Diagnostics;
using AgenticIR.Worker.Commands;
using AgenticIR.Worker.Hosting;

namespace AgenticIR.Worker.Tests.Metrics;

/// <summary>A HEC URL without its token stops every command with a clear error naming the variable and exit code 2,
/// never a stack trace.</summary>
public sealed class MetricsEnvironmentGuardTests
{
    private const string Url = "https://splunk.example.com:8088";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? UrlOnly(string name) => name == MetricsSettings.HecUrlVariable ? Url : null;

    [Fact]
    public async Task Invoke_HecUrlWithoutToken_ErrorNamesTheVariableAndExitCode2()
    {
        var ran = false;
        var (code, output, error) = await InvokeAsync(UrlOnly, () => ran = true, "work");

        Assert.Equal(MetricsSettings.InvalidEnvironmentExitCode, code);
        Assert.False(ran);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(MetricsSettings.HecTokenVariable, error, StringComparison.Ordinal);
        Assert.Contains(MetricsSettings.HecUrlVariable, error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Invoke_HecUrlNotAUrl_ErrorNamesTheVariable()
    {
        var (code, _, error) = await InvokeAsync(
            name => name == MetricsSettings.HecUrlVariable ? "splunk:8088" : name == MetricsSettings.HecTokenVariable ? "token" : null, () => { }, "work");

        Assert.Equal(2, code);
        Assert.Contains($"{MetricsSettings.HecUrlVariable} is not an http(s) URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UsableEnvironment_CommandRunsWithItsOwnExitCode()
    {
        var ran = false;
        var (code, _, error) = await InvokeAsync(name => name == MetricsSettings.HecUrlVariable ? Url : name == MetricsSettings.HecTokenVariable ? "token" : null,
            () => ran = true, "work");

        Assert.Equal(7, code);
        Assert.True(ran);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Invoke_HelpWithBadEnvironment_StillShowsHelp()
    {
        var (code, output, _) = await InvokeAsync(UrlOnly, () => { }, "work", "--help");

        Assert.Equal(0, code);
        Assert.Contains("work", output, StringComparison.Ordinal);
    }

    [Fact]
    public void From_HecUrlWithoutToken_ThrowsTheSameMessage()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MetricsSettings.From(null, false, UrlOnly));

        Assert.Equal(MetricsSettings.Problem(UrlOnly), ex.Message);
    }

    // The real executable, in its own process so the variables stay out of this one.
    [Fact]
    public async Task AgenticIr_ReplayWithHecUrlWithoutToken_PrintsErrorAndExits2()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", typeof(AgenticIrCommandLine).Assembly.Location, "replay", "no-such-file.json" }) start.ArgumentList.Add(argument);
        start.Environment[MetricsSettings.HecUrlVariable] = Url;
        start.Environment.Remove(MetricsSettings.HecTokenVariable);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        Assert.Equal(2, process.ExitCode);
        var error = await stderr;
        Assert.Contains($"{MetricsSettings.HecUrlVariable} is set but {MetricsSettings.HecTokenVariable} is not", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error + await stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> InvokeAsync(Func<string, string?> environment, Action action, params string[] args)
    {
        var work = new Command("work", "A command that needs the pipeline");
        work.SetAction(_ =>
        {
            action();
            return 7;
        });
        var root = MetricsEnvironmentGuard.Apply(new RootCommand("test") { work }, environment);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (code, output.ToString(), error.ToString());
    }
}
