using System.CommandLine;
using AgenticIR.Worker.Commands;

namespace AgenticIR.Worker.Hosting;

/// <summary>Reads the shared options from the command line, over environment variables (<c>AGENTICIR_HOME</c>, <c>AGENTICIR_DB</c>).</summary>
internal static class WorkerOptionsBinder
{
    public static WorkerOptions Bind(ParseResult parse)
    {
        var options = new WorkerOptions
        {
            Home = parse.GetValue(AgenticIrCommandLine.HomeOption) ?? Environment.GetEnvironmentVariable("AGENTICIR_HOME"),
            PolicyPath = parse.GetValue(AgenticIrCommandLine.PolicyOption),
            ContextPath = parse.GetValue(AgenticIrCommandLine.ContextOption),
        };
        var db = parse.GetValue(AgenticIrCommandLine.DatabaseOption) ?? Environment.GetEnvironmentVariable("AGENTICIR_DB");
        if (db is not null) options.DatabasePath = db;
        return options;
    }
}
