using System.Text;

namespace AgenticIR.Definitions.Mapping;

/// <summary>What MIME traversal collects from a message body.</summary>
internal sealed class EmlBodyParts
{
    public StringBuilder Text { get; } = new();
    public StringBuilder HtmlText { get; } = new();
    public List<string> Links { get; } = [];
    public List<EmlAttachment> Attachments { get; } = [];
}
