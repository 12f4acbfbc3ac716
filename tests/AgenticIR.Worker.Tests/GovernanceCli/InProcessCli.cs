using System.CommandLine;
using AgenticIR.Testing;
using AgenticIR.Worker.Commands;
using Spectre.Console;

namespace AgenticIR.Worker.Tests.GovernanceCli;

/// <summary>Runs one command in process under a root with the shared options, capturing what it prints.</summary>
internal static class InProcessCli
{
    // The shared options are static instances; adding them to a root changes their parent list, so roots are built one at a time.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int ExitCode, string Output)> RunAsync(Func<IAnsiConsole, Command> create, CancellationToken cancellationToken, params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var root = new RootCommand("test");
            foreach (var option in new Option[] { AgenticIrCommandLine.HomeOption, AgenticIrCommandLine.DatabaseOption, AgenticIrCommandLine.PolicyOption, AgenticIrCommandLine.ContextOption })
            {
                option.Recursive = true;
                root.Add(option);
            }
            root.Add(create(console));
            var code = await root.Parse([.. args, "--home", RepoPaths.Root]).InvokeAsync(cancellationToken: cancellationToken);
            return (code, writer.ToString());
        }
        finally
        {
            Gate.Release();
        }
    }
}
