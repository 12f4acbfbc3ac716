using System.CommandLine;
using AgenticIR.Splunk.App;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Splunk;

/// <summary><c>agentic-ir splunk-app package [--output dir]</c>: builds the Splunk app (folder and .tgz) with the
/// dashboards, sourcetypes and index; the graduation panel uses the policy's criteria.</summary>
internal static class SplunkAppCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "Folder for the app folder and the .tgz (default: agentic-ir-out/splunk-app)" };
        var package = new Command("package", "Build the agentic_ir Splunk app: dashboards, props/transforms/indexes, and its .tgz") { output };
        package.SetAction((parse, ct) => PackageAsync(parse, parse.GetValue(output) ?? Path.Combine("agentic-ir-out", "splunk-app"), ct));
        return new Command("splunk-app", "The Splunk app that shows AgenticIR metrics") { package };
    }

    private static async Task<int> PackageAsync(ParseResult parse, string output, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        var paths = CommandSettings.From(parse).Paths;
        var builder = new SplunkAppBuilder(SplunkCommandPolicy.Criteria(paths, console), TimeProvider.System);
        var archive = await builder.PackageAsync(output, cancellationToken);
        console.MarkupLine($"Splunk app [green]{SplunkAppBuilder.AppId}[/] {SplunkAppBuilder.Version}");
        console.MarkupLine($"  folder  {Markup.Escape(Path.Combine(Path.GetDirectoryName(archive)!, SplunkAppBuilder.AppId))}");
        console.MarkupLine($"  package {Markup.Escape(archive)}");
        console.MarkupLine("Install: Apps > Manage Apps > Install app from file (see docs/splunk.md).");
        return 0;
    }
}
