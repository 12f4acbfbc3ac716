namespace AgenticIR.Core.Alerts;

/// <summary>The kinds of observable an alert can carry. Names are the wire form (snake_case) in reports and mappings.</summary>
public enum ObservableType
{
    /// <summary>An IPv4 address.</summary>
    Ipv4,
    /// <summary>An IPv6 address.</summary>
    Ipv6,
    /// <summary>A DNS domain name.</summary>
    Domain,
    /// <summary>A full URL.</summary>
    Url,
    /// <summary>An MD5 file hash.</summary>
    Md5,
    /// <summary>A SHA-1 file hash.</summary>
    Sha1,
    /// <summary>A SHA-256 file hash.</summary>
    Sha256,
    /// <summary>An e-mail address.</summary>
    Email,
    /// <summary>A user account name.</summary>
    User,
    /// <summary>A host name.</summary>
    Host,
    /// <summary>A process image name or path.</summary>
    Process,
    /// <summary>A process command line.</summary>
    CommandLine,
    /// <summary>A cloud resource identifier or ARN.</summary>
    CloudResource,
    /// <summary>The decoded payload of a QR code.</summary>
    QrPayload,
    /// <summary>A phone number (callback phishing).</summary>
    Phone,
    /// <summary>A file name.</summary>
    FileName,
}
