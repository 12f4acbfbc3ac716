using AgenticIR.Agents.Context;

namespace AgenticIR.Agents.Tests.Support;

/// <summary>
/// A small organisation written as CSV into a temp folder and loaded through the real loader:
/// a phishing campaign on evil-login.example (delivered to three mailboxes), kpatel's impossible travel to RU,
/// and adm_jwilson, a domain admin who routinely signs in from the US (a rule with a long false-positive history).
/// </summary>
public sealed class ContextFixture : IDisposable
{
    public ContextFixture() : this(DefaultFiles())
    {
    }

    public ContextFixture(IReadOnlyDictionary<string, string> files)
    {
        Folder = Directory.CreateTempSubdirectory("agenticir-ctx-").FullName;
        foreach (var (name, content) in files) File.WriteAllText(Path.Combine(Folder, name), content);
    }

    public string Folder { get; }

    public LocalContextStore Load() => LocalContextStore.Load(Folder);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public static Dictionary<string, string> DefaultFiles() => new()
    {
        ["assets.csv"] = """
            hostname,ip,criticality,owner,business_service,role,os
            FIN-WS-014,10.20.8.14,medium,kpatel,Finance Operations,workstation,Windows 11
            FIN-DB01,10.20.5.21,critical,finance-it,"ERP Finance (GL, Payments)",database_server,Windows Server 2019
            IT-WS-003,10.10.3.3,high,jwilson,IT Operations,workstation,Windows 11
            """,
        ["identities.csv"] = """
            user,email,display_name,department,role,privileged,usual_countries,manager
            kpatel,kpatel@corp.example,Kavya Patel,Finance,Accounts Payable Specialist,false,US,mdavis
            gbaker,gbaker@corp.example,Grace Baker,Marketing,Marketing Manager,false,US,mdavis
            lnguyen,lnguyen@corp.example,Linh Nguyen,Finance,Financial Analyst,false,US,mdavis
            mdavis,mdavis@corp.example,Maria Davis,Finance,Chief Financial Officer,false,US;GB,
            adm_jwilson,adm_jwilson@corp.example,James Wilson (Admin),IT Operations,Domain Administrator,true,US,mdavis
            """,
        ["threat_intel.csv"] = """
            type,value,verdict,confidence,campaign,source,first_seen
            domain,evil-login.example,malicious,0.95,ORBIT-HARVEST,Proofpoint,2026-11-17T00:00:00Z
            email,it-desk@notice.example,malicious,0.90,ORBIT-HARVEST,internal triage,2026-11-19T09:45:00Z
            ipv4,45.155.205.233,malicious,0.80,ORBIT-HARVEST,Spamhaus SBL,2026-11-02T00:00:00Z
            domain,login.microsoftonline.com,benign,0.99,,allowlist,2025-01-01T00:00:00Z
            """,
        ["alert_history.csv"] = """
            timestamp,alert_id,rule_name,severity,disposition,observable_type,observable_value
            2026-11-01T10:00:00Z,H-1,Privileged Account Login,low,false_positive,user,adm_jwilson
            2026-11-05T10:00:00Z,H-2,Privileged Account Login,low,false_positive,user,adm_jwilson
            2026-11-09T10:00:00Z,H-3,Privileged Account Login,low,false_positive,user,adm_jwilson
            2026-11-12T10:00:00Z,H-4,Privileged Account Login,low,benign,user,adm_jwilson
            2026-11-14T10:00:00Z,H-5,Privileged Account Login,low,false_positive,user,adm_jwilson
            2026-11-16T10:00:00Z,H-6,Privileged Account Login,low,false_positive,user,adm_jwilson
            2026-11-19T10:05:00Z,H-7,Proxy - Newly Seen Domain,medium,true_positive,domain,evil-login.example
            2026-11-19T10:05:00Z,H-7,Proxy - Newly Seen Domain,medium,true_positive,host,FIN-WS-014
            """,
        ["sign_ins.csv"] = """
            timestamp,user,src_ip,country,city,host,app,result
            2026-11-16T13:00:00Z,adm_jwilson,73.110.62.5,US,Chicago,IT-WS-003,Azure Portal,success
            2026-11-17T13:00:00Z,adm_jwilson,73.110.62.5,US,Chicago,IT-WS-003,Azure Portal,success
            2026-11-18T13:55:00Z,adm_jwilson,73.110.62.5,US,Chicago,IT-WS-003,Azure Portal,success
            2026-11-19T14:00:00Z,kpatel,98.206.17.90,US,Schaumburg,FIN-WS-014,Office 365,success
            2026-11-19T15:20:00Z,kpatel,45.155.205.233,RU,Moscow,,Office 365,success
            """,
        ["mail_trace.csv"] = """
            timestamp,message_id,sender,recipient,subject,url_domains,attachment_sha256,delivery
            2026-11-19T15:10:02Z,<m1@notice.example>,it-desk@notice.example,kpatel@corp.example,"Action required: mailbox 98% full, act now",login.evil-login.example,,delivered
            2026-11-19T15:10:02Z,<m1@notice.example>,it-desk@notice.example,gbaker@corp.example,"Action required: mailbox 98% full, act now",login.evil-login.example,,delivered
            2026-11-19T15:10:02Z,<m1@notice.example>,it-desk@notice.example,lnguyen@corp.example,"Action required: mailbox 98% full, act now",login.evil-login.example,,delivered
            2026-11-19T15:10:02Z,<m1@notice.example>,it-desk@notice.example,mdavis@corp.example,"Action required: mailbox 98% full, act now",login.evil-login.example,,quarantined
            """,
        ["endpoint_events.csv"] = """"
            timestamp,host,user,process,command_line,sha256,parent_process,remote_ip
            2026-11-19T15:14:37Z,FIN-WS-014,kpatel,msedge.exe,"""msedge.exe"" https://login.evil-login.example/owa",f5e59c9684d938db14d10618302b1a78b69ed9ecced7688006ae343ab47a0140,OUTLOOK.EXE,45.155.205.233
            """",
    };
}
