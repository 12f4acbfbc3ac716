using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Policy;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Splunk;

/// <summary>The graduation criteria of the governance policy (--policy), or the defaults with a note when it cannot be read.</summary>
internal static class SplunkCommandPolicy
{
    public static GraduationCriteria Criteria(ResolvedPaths paths, IAnsiConsole console)
    {
        if (File.Exists(paths.Policy) && GovernancePolicyLoader.TryLoad(paths.Policy) is ({ } policy, _))
            return policy.Graduation;
        console.MarkupLine($"[yellow]Policy {Markup.Escape(paths.Policy)} not readable; using the default graduation criteria[/] (run agentic-ir validate)");
        return GraduationCriteria.Default;
    }
}
