using System.Text.RegularExpressions;
using EscalationFlows.Escalations.Context;
using EscalationFlows.Escalations.Tests.Context.Support;

namespace EscalationFlows.Escalations.Tests.Context;

public sealed partial class PersonalDataRedactorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("mail ana.ruiz@example.com now", "mail [email-1] now")]
    [InlineData("received from: hmjdrvpb.komuaywn@gmail.com", "received from: [email-1]")]
    [InlineData("call +49 30 1234567 today", "call [phone-1] today")]
    [InlineData("call (555) 123-4567.", "call [phone-1].")]
    [InlineData("mobile 0612345678", "mobile [phone-1]")]
    [InlineData("fax 030/1234567-0", "fax [phone-1]")]
    public void Emails_and_phone_numbers_become_placeholders(string text, string expected)
    {
        Assert.Equal(expected, new PersonalDataRedactor().Redact(text));
    }

    [Theory]
    [InlineData("since 2026-03-03 14:20 the job failed")]
    [InlineData("on 03.03.2026 at 14.20")]
    [InlineData("host 10.0.0.1 and version 10.0.15")]
    [InlineData("ticket_no1550391 for HostName_221 in SID_37/erpdata21")]
    [InlineData("order 1550391 of 4524 items, 98 %")]
    [InlineData("error 0x80070005 at 12:30:45")]
    public void Dates_times_addresses_versions_and_ids_stay(string text)
    {
        Assert.Equal(text, new PersonalDataRedactor().Redact(text));
    }

    [Fact]
    public void The_same_value_gets_the_same_placeholder_and_restore_puts_the_values_back()
    {
        var redactor = new PersonalDataRedactor();

        var redacted = redactor.Redact("ana@example.com wrote to ben@example.com; ana@example.com called +1 212 555 0100.");

        Assert.Equal("[email-1] wrote to [email-2]; [email-1] called [phone-1].", redacted);
        Assert.Equal(3, redactor.Count);
        Assert.Equal("Ask ana@example.com or +1 212 555 0100 ([email-9] is unknown).", redactor.Restore("Ask [email-1] or [phone-1] ([email-9] is unknown)."));
    }

    [Fact]
    public void No_email_address_of_the_ticket_data_survives_redaction()
    {
        var rows = TicketCsv.TryLoad();
        if (rows is null)
        {
            Assert.Skip($"The ticket data set is absent ({TicketCsv.Path}); it is read from the shared data folder and never committed.");
        }

        var redactor = new PersonalDataRedactor();
        var emails = 0;
        foreach (var row in rows)
        {
            emails += AnyEmail().Count(row.Description);
            var redacted = redactor.Redact(row.Description);
            Assert.False(AnyEmail().IsMatch(redacted), redacted);
        }

        output.WriteLine($"{emails} e-mail addresses in {rows.Count} descriptions; {redactor.Count} distinct values redacted.");
        Assert.True(emails > 2000);
    }

    // An address with an alphabetic top-level domain (a Content-ID such as image001.jpg@01d233aa.3f618be0 is none).
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")]
    private static partial Regex AnyEmail();
}
