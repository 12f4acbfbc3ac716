namespace AgenticIR.Core.Investigation;

/// <summary>The stable <see cref="Finding.Kind"/> tags the tools emit (the local-context tools and a SOAR's enrichment
/// actions alike) and the response planner keys on.</summary>
public static class FindingKinds
{
    /// <summary>An IP address known as malicious.</summary>
    public const string MaliciousIp = "malicious_ip";

    /// <summary>A domain known as malicious.</summary>
    public const string MaliciousDomain = "malicious_domain";

    /// <summary>A URL known as malicious.</summary>
    public const string MaliciousUrl = "malicious_url";

    /// <summary>A file hash known as malicious.</summary>
    public const string MaliciousHash = "malicious_hash";

    /// <summary>A mail sender known as malicious.</summary>
    public const string MaliciousSender = "malicious_sender";

    /// <summary>A phone number known as malicious (callback phishing).</summary>
    public const string MaliciousPhone = "malicious_phone";

    /// <summary>The lure (a phishing mail) reached mailboxes.</summary>
    public const string LureDelivered = "lure_delivered";

    /// <summary>An account shows signs of compromise.</summary>
    public const string CompromisedAccount = "compromised_account";

    /// <summary>Sign-ins from places too far apart for the time between them.</summary>
    public const string ImpossibleTravel = "impossible_travel";

    /// <summary>One source tried many accounts.</summary>
    public const string PasswordSpray = "password_spray";

    /// <summary>The account is privileged.</summary>
    public const string PrivilegedAccount = "privileged_account";

    /// <summary>The asset is business-critical.</summary>
    public const string CriticalAsset = "critical_asset";

    /// <summary>Activity that moves from host to host.</summary>
    public const string LateralMovement = "lateral_movement";

    /// <summary>A persistence mechanism was installed.</summary>
    public const string Persistence = "persistence";

    /// <summary>A process that matches a suspicious pattern.</summary>
    public const string SuspiciousProcess = "suspicious_process";

    /// <summary>Credentials were read from memory or stores.</summary>
    public const string CredentialDumping = "credential_dumping";

    /// <summary>Malware ran.</summary>
    public const string MalwareExecution = "malware_execution";

    /// <summary>Traffic to command-and-control infrastructure.</summary>
    public const string C2Communication = "c2_communication";

    /// <summary>Privileges changed in a cloud account.</summary>
    public const string CloudPrivilegeChange = "cloud_privilege_change";

    /// <summary>A storage bucket was made public.</summary>
    public const string PublicBucket = "public_bucket";

    /// <summary>A cloud access key was created.</summary>
    public const string AccessKeyCreated = "access_key_created";

    /// <summary>The alert matches a known false positive.</summary>
    public const string KnownFalsePositive = "known_false_positive";

    /// <summary>An indicator known as benign.</summary>
    public const string BenignIndicator = "benign_indicator";

    /// <summary>A sign-in from the account's usual location.</summary>
    public const string UsualLocation = "usual_location";
}
