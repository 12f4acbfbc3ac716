using System.Text;
using AgenticIR.Worker.Inputs;

namespace AgenticIR.Worker.Tests.Replay;

/// <summary>What the replay reader makes of empty, oversized, e-mail and wrapped files.</summary>
public sealed class InputReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agentic-ir-reader-");

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    [Theory]
    [InlineData("array.json", "[]", "empty JSON array")]
    [InlineData("spaced-array.json", " [ \n ] \n", "empty JSON array")]
    [InlineData("empty.json", "", "the file is empty")]
    [InlineData("blank.json", " \r\n\t\n", "only white space")]
    [InlineData("empty.jsonl", "", "no JSON line")]
    [InlineData("blank.jsonl", "\n \n\r\n", "no JSON line")]
    public void Read_FileWithoutAnyAlert_YieldsOneInputCarryingTheReason(string name, string content, string reason)
    {
        var items = InputReader.Read(Write(name, content), null).ToList();

        var item = Assert.Single(items);
        Assert.Contains(reason, item.ReadError, StringComparison.Ordinal);
        Assert.Equal(name, item.Display);
    }

    [Fact]
    public void Read_FileAboveTheMaximum_YieldsItsSizeAndABoundedPrefix()
    {
        var body = "{\"title\":\"big\",\"description\":\"" + new string('A', 40_000) + "\"}";
        var path = Write("big.json", body);

        var item = Assert.Single(InputReader.Read(path, null, maxInputBytes: 4096));

        Assert.StartsWith($"input is {body.Length} bytes, above the maximum of 4096 bytes", item.ReadError, StringComparison.Ordinal);
        Assert.Equal(body[..4096], item.Raw.Content);
    }

    [Fact]
    public void Read_LineAboveTheMaximum_DeadLettersThatLineOnly()
    {
        var big = "{\"title\":\"big\",\"description\":\"" + new string('B', 10_000) + "\"}";
        var path = Write("mixed.jsonl", "{\"title\":\"one\"}\n" + big + "\r\n{\"title\":\"three\"}\n");

        var items = InputReader.Read(path, null, maxInputBytes: 4096).ToList();

        Assert.Equal(["mixed.jsonl:1", "mixed.jsonl:2", "mixed.jsonl:3"], items.Select(i => i.Display));
        Assert.Null(items[0].ReadError);
        Assert.StartsWith($"input is {big.Length + 1} bytes, above the maximum of 4096 bytes", items[1].ReadError, StringComparison.Ordinal);
        Assert.Equal(4096, items[1].Raw.Content.Length);
        Assert.Equal("{\"title\":\"three\"}", items[2].Raw.Content);
        Assert.Equal(3, items.Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public void Read_LineFarAboveTheMaximum_AllocatesAboutTheMaximumNotTheLine()
    {
        const int lineBytes = 48 * 1024 * 1024;
        var path = Path.Combine(_folder.FullName, "huge.jsonl");
        using (var stream = File.Create(path))
        {
            stream.Write("{\"title\":\"huge\",\"description\":\""u8);
            var block = Encoding.ASCII.GetBytes(new string('C', 1 << 20));
            for (var written = 0; written < lineBytes; written += block.Length) stream.Write(block);
            stream.Write("\"}\n{\"title\":\"after\"}\n"u8);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var items = InputReader.Read(path, null, maxInputBytes: 1024 * 1024).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, items.Count);
        Assert.Contains("above the maximum of 1048576 bytes", items[0].ReadError, StringComparison.Ordinal);
        Assert.Equal("{\"title\":\"after\"}", items[1].Raw.Content);
        Assert.True(allocated < 8L * 1024 * 1024, $"reading a {lineBytes}-byte line allocated {allocated} bytes");
    }

    [Fact]
    public void Read_Latin1EightBitEml_DecodedWithItsCharset()
    {
        var message = Encoding.Latin1.GetBytes("From: billing@pay-invoice.net\r\nSubject: =?iso-8859-1?Q?Factura_pendiente_=E9?=\r\n" +
            "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nEstimado señor, pague aquí\r\n");

        var item = Assert.Single(InputReader.Read(Write("latin1.eml", message), null));

        Assert.Null(item.ReadError);
        Assert.Equal("eml", item.Raw.FormatHint);
        Assert.Contains("Estimado señor, pague aquí", item.Raw.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8Json_YieldsTheByteWhereItBreaks()
    {
        var item = Assert.Single(InputReader.Read(Write("latin1.json", [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D]), null));

        Assert.Equal("invalid UTF-8 at byte 6 (JSON must be UTF-8)", item.ReadError);
    }

    [Fact]
    public void Read_WrappedPayloadWithARepeatedPayloadKey_UnwrapsTheLastOne()
    {
        var item = Assert.Single(InputReader.Read(Write("wrapped.json", """{"id":"x","payload":{"title":"first"},"payload":{"title":"last"}}"""), null));

        Assert.Equal("""{"title":"last"}""", item.Raw.Content);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
