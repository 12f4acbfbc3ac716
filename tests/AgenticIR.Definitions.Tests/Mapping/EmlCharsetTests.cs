using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Mapping;

namespace AgenticIR.Definitions.Tests.Mapping;

/// <summary>E-mail bytes in the charsets real mail uses: declared per MIME part, raw in headers, RFC 2047 and RFC 2231.</summary>
public sealed class EmlCharsetTests
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private static readonly Encoding Koi8R = CodePage("koi8-r");
    private static readonly Encoding Windows1251 = CodePage("windows-1251");

    private static Encoding CodePage(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    private static byte[] Bytes(params object[] pieces)
    {
        var bytes = new List<byte>();
        foreach (var piece in pieces) bytes.AddRange(piece is byte[] raw ? raw : Encoding.ASCII.GetBytes((string)piece));
        return [.. bytes];
    }

    private static NormalizedAlert Normalize(byte[] message)
    {
        var result = ShippedMappings.Normalizer.Normalize(new RawAlert("test.eml", EmlDecoder.Decode(message), "eml"));
        Assert.True(result.Succeeded, result.Error);
        return result.Alert!;
    }

    [Fact]
    public void Decode_Latin1EightBitBody_ReadsTextAndIndicators()
    {
        var message = Bytes("From: billing@pay-invoice.net\r\nTo: ana@corp.example\r\nSubject: Factura\r\nDate: Mon, 1 Dec 2026 10:00:00 +0000\r\n",
            "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
            Latin1.GetBytes("Estimado señor, pague aquí: http://pay-invoice.net/login desde 45.155.205.233\r\n"));

        var alert = Normalize(message);

        Assert.Contains("Estimado señor, pague aquí", alert.Description, StringComparison.Ordinal);
        Assert.Contains(new Observable(ObservableType.Ipv4, "45.155.205.233"), alert.Observables);
        Assert.Contains(alert.Observables, o => o.Type == ObservableType.Email && o.Value == "billing@pay-invoice.net");
    }

    [Fact]
    public void Decode_MultipartWithACharsetPerPart_DecodesEachPartInItsOwnCharset()
    {
        var message = Bytes("From: a@example.org\r\nTo: b@example.org\r\nSubject: mixed\r\nMIME-Version: 1.0\r\n",
            "Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\npreamble\r\n",
            "--XX\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n", Latin1.GetBytes("Grüße aus Köln\r\n"),
            "--XX\r\nContent-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit\r\n\r\n", Koi8R.GetBytes("Срочно оплатите счёт\r\n"),
            "--XX\r\nContent-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
            QuotedPrintable(Windows1251.GetBytes("Пароль истекает")), "\r\n",
            "--XX\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Vérifiez <a href=\"http://login-check.example.net/\">ici</a></p>")), "\r\n",
            "--XX--\r\nepilogue\r\n");

        var sections = EmlSections.Read(EmlDecoder.Decode(message));

        Assert.Contains("Grüße aus Köln", sections.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("Срочно оплатите счёт", sections.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("Пароль истекает", sections.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("Vérifiez", sections.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UndeclaredEightBitBytes_ReadsUtf8WhereValidAndWindows1252Elsewhere()
    {
        // A body without a charset mixing valid UTF-8 (ü) with stray windows-1252 bytes (é, the euro sign).
        var message = Bytes("From: a@example.org\r\nSubject: x\r\n\r\n", Encoding.UTF8.GetBytes("Müller "), new byte[] { 0xE9, 0x20, 0x80 }, " 45.155.205.233\r\n");

        var sections = EmlSections.Read(EmlDecoder.Decode(message));

        Assert.Contains("Müller é €", sections.Bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RawEightBitHeader_UsesTheDeclaredCharset()
    {
        var message = Bytes("From: \"", Latin1.GetBytes("José García"), "\" <jose@example.org>\r\nTo: b@example.org\r\nSubject: ", Latin1.GetBytes("Información"),
            "\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\nhola\r\n");

        var alert = Normalize(message);

        Assert.Equal("Información", alert.Title);
        Assert.Equal("José García", alert.Attributes["from_name"]);
    }

    [Theory]
    [InlineData("=?iso-8859-1?Q?Factura_pendiente_=E9?= =?iso-8859-1?Q?_urgente?=", "Factura pendiente é urgente")]
    [InlineData("=?UTF-8?B?w6k=?=\r\n =?UTF-8?B?w6k=?=", "éé")]
    [InlineData("Re: =?utf-8?q?caf=C3=A9?= today", "Re: café today")]
    [InlineData("=?utf-8?B?w6k=?= =?koi8-r?B?8s/T?=", "éРос")]
    [InlineData("=?utf-8*en?Q?hello?=", "hello")]
    [InlineData("=?windows-1251?Q?=CF=E0=F0=EE=EB=FC?=", "Пароль")]
    [InlineData("=?utf-8?B?not base64!?= tail", "=?utf-8?B?not base64!?= tail")]
    public void Read_EncodedWordsInSubject_DecodedWithAdjacentWhiteSpaceDropped(string subject, string expected)
    {
        var sections = EmlSections.Read($"From: a@example.org\r\nSubject: {subject}\r\n\r\nbody\r\n");

        Assert.Equal(expected, sections.Headers.Single(h => h.Key == "Subject").Value);
    }

    [Fact]
    public void Read_CharacterSplitAcrossTwoEncodedWords_DecodedWhole()
    {
        // "é" is C3 A9 in UTF-8; a mailer that splits words by length may cut between the two bytes.
        var sections = EmlSections.Read("From: a@example.org\r\nSubject: =?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=\r\n\r\nbody\r\n");

        Assert.Equal("café", sections.Headers.Single(h => h.Key == "Subject").Value);
    }

    [Fact]
    public void Read_EncodedLineBreakInHeader_BecomesASpace()
    {
        var sections = EmlSections.Read("From: a@example.org\r\nSubject: =?utf-8?B?" + Convert.ToBase64String("Invoice\r\nX-Injected: yes"u8.ToArray()) + "?=\r\n\r\nbody\r\n");

        Assert.Equal("Invoice  X-Injected: yes", sections.Headers.Single(h => h.Key == "Subject").Value);
        Assert.DoesNotContain(sections.Headers, h => h.Key == "X-Injected");
    }

    [Fact]
    public void Normalize_Rfc2231AttachmentNames_DecodedWithTheirCharset()
    {
        var message = Bytes("From: a@example.org\r\nTo: b@example.org\r\nSubject: files\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n",
            "--B\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n",
            "--B\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=utf-8''Rechnung%20M%C3%A4rz.pdf.exe\r\n\r\nMZ\r\n",
            "--B\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment;\r\n filename*0*=iso-8859-1''factura%20pag;\r\n filename*1*=%F3.js\r\n\r\nvar x\r\n",
            "--B--\r\n");

        var alert = Normalize(message);

        var files = alert.Observables.Where(o => o.Type == ObservableType.FileName).Select(o => o.Value).ToList();
        Assert.Contains("Rechnung März.pdf.exe", files);
        Assert.Contains("factura pagó.js", files);
    }

    private static string QuotedPrintable(byte[] bytes) =>
        string.Concat(bytes.Select(b => b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}"));
}
