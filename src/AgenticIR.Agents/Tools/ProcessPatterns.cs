using System.Text.RegularExpressions;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Tools;

/// <summary>Command-line shapes an analyst flags on sight, as a table: pattern → finding kind, technique, label.</summary>
internal static partial class ProcessPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static IReadOnlyList<ProcessPattern> All { get; } =
    [
        new(Rx(@"powershell(\.exe)?""?\s.*\s-(e|en|enc|encodedcommand)\s+[A-Za-z0-9+/=]{16,}|FromBase64String"), FindingKinds.SuspiciousProcess, "T1059.001", "encoded PowerShell"),
        new(Rx(@"-(w|windowstyle)\s+hidden.*-(ep|executionpolicy)\s+bypass|-(ep|executionpolicy)\s+bypass.*-(w|windowstyle)\s+hidden"), FindingKinds.SuspiciousProcess, "T1059.001", "hidden PowerShell with policy bypass"),
        new(Rx(@"\bpsexe(c|c64)(\.exe)?\b.*\\\\|\bPSEXESVC"), FindingKinds.LateralMovement, "T1569.002", "PsExec remote execution"),
        new(Rx(@"\bwmic(\.exe)?\b.*/node:"), FindingKinds.LateralMovement, "T1047", "WMIC remote process creation"),
        new(Rx(@"\bwinrs\b|Invoke-Command\s.*-ComputerName|Enter-PSSession"), FindingKinds.LateralMovement, "T1021.006", "WinRM remote execution"),
        new(Rx(@"\\\\[A-Za-z0-9][A-Za-z0-9.-]*\\(ADMIN|C)\$"), FindingKinds.LateralMovement, "T1021.002", "admin share access"),
        new(Rx(@"\bschtasks(\.exe)?\b.*/create"), FindingKinds.Persistence, "T1053.005", "scheduled task created"),
        new(Rx(@"\breg(\.exe)?\s+add\s.*\\CurrentVersion\\Run(Once)?\b"), FindingKinds.Persistence, "T1547.001", "Run key written"),
        new(Rx(@"\bsc(\.exe)?\s+create\b|New-Service\b"), FindingKinds.Persistence, "T1543.003", "service created"),
        new(Rx(@"\bcrontab\b.*\|\s*crontab\s+-|/etc/cron"), FindingKinds.Persistence, "T1053.003", "cron job installed"),
        new(Rx(@"comsvcs(\.dll)?,?\s*MiniDump|sekurlsa|mimikatz|procdump.*lsass"), FindingKinds.CredentialDumping, "T1003.001", "LSASS credential dumping"),
        new(Rx(@"\bcertutil(\.exe)?\b.*(-urlcache|-decode)|\bbitsadmin(\.exe)?\b.*/transfer|\bmshta(\.exe)?\b|\bregsvr32(\.exe)?\b.*/i:"), FindingKinds.SuspiciousProcess, "T1218", "LOLBin proxy execution"),
        new(Rx(@"\brundll32(\.exe)?""?\s+[^,]*\\(Temp|AppData|ProgramData|Users\\Public)\\"), FindingKinds.SuspiciousProcess, "T1218.011", "rundll32 loading a DLL from a user-writable folder"),
        new(Rx(@"vssadmin(\.exe)?\s+delete\s+shadows|wbadmin\s+delete|bcdedit.*recoveryenabled\s+no"), FindingKinds.SuspiciousProcess, "T1490", "backup or shadow-copy deletion"),
        new(Rx(@"\bnet1?(\.exe)?\s+(group|localgroup)\s+.*/add"), FindingKinds.SuspiciousProcess, "T1098", "account added to a privileged group"),
        new(Rx(@"(curl|wget)\s[^|]*\|\s*(ba)?sh\b"), FindingKinds.SuspiciousProcess, "T1059.004", "remote script piped to a shell"),
    ];

    /// <summary>Rules that match a process and its command line.</summary>
    public static IEnumerable<ProcessPattern> Match(string process, string? commandLine)
    {
        var text = commandLine is null ? process : process + " " + commandLine;
        return All.Where(p => p.Pattern.IsMatch(text));
    }

    /// <summary>Remote hosts named in a command line (<c>\\HOST\…</c>, <c>/node:HOST</c>, <c>-ComputerName HOST</c>).</summary>
    public static IEnumerable<string> RemoteHosts(string? commandLine)
    {
        if (commandLine is null) yield break;
        foreach (Match m in RemoteHostRegex().Matches(commandLine))
        {
            var host = m.Groups["h"].Value;
            if (host.Length > 0) yield return host;
        }
    }

    private static Regex Rx(string pattern) => new(pattern, Options, TimeSpan.FromMilliseconds(200));

    [GeneratedRegex(@"\\\\(?<h>[A-Za-z0-9][A-Za-z0-9.-]{0,62})(\\|\s)|/node:""?(?<h>[A-Za-z0-9][A-Za-z0-9.-]{0,62})|-ComputerName\s+(?<h>[A-Za-z0-9][A-Za-z0-9.-]{0,62})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex RemoteHostRegex();
}
