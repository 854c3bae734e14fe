using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Expressions;

public sealed class TemplateTests
{
    private readonly ExpressionTestbed _bed = new(o =>
    {
        o.TemplateLoopLimit = 50;
        o.TemplateOutputLimit = 500;
    });

    [Theory]
    [InlineData("{{ ticket.key }} ({{ ticket.customer.tier }})", "INC-7 (gold)")]
    [InlineData("{{ vars.severity + severity }}", "6")]
    [InlineData("{{ for t in tags }}[{{ t }}]{{ end }}", "[vip][printer]")]
    [InlineData("{{ ticket.key | string.downcase }} has {{ tags | array.size }} tags", "inc-7 has 2 tags")]
    [InlineData("{{ if ticket.impact <= 2 }}urgent{{ else }}normal{{ end }}", "urgent")]
    [InlineData("{{ outputs.classify.level }} / {{ instance.id }}", "high / wf-1")]
    [InlineData("{{ date.now | date.to_string '%Y-%m-%d %H:%M' }}", "2026-11-30 09:00")]
    public void A_template_renders_the_instance_data(string text, string expected)
    {
        Assert.Equal(expected, _bed.Template(text));
    }

    [Fact]
    public void A_missing_variable_is_an_error_not_an_empty_string()
    {
        var error = _bed.TemplateFails("Hello {{ customerName }}");

        Assert.Equal(ExpressionErrorCodes.TemplateError, error.Code);
        Assert.Contains("customerName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_member_is_an_error_not_an_empty_string()
    {
        var error = _bed.TemplateFails("{{ ticket.customer.name }}");

        Assert.Equal(ExpressionErrorCodes.TemplateError, error.Code);
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
        Assert.Contains("column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_past_the_limit_throws()
    {
        Assert.Equal(ExpressionErrorCodes.TemplateLimit, _bed.TemplateFails("{{ for i in 1..100 }}x{{ end }}").Code);
        Assert.Equal(ExpressionErrorCodes.TemplateLimit, _bed.TemplateFails("{{ while true }}x{{ end }}").Code);
    }

    [Fact]
    public void Output_past_the_limit_throws_instead_of_being_cut()
    {
        var error = _bed.TemplateFails("{{ for i in 1..40 }}0123456789abcdef{{ end }}");

        Assert.Equal(ExpressionErrorCodes.TemplateLimit, error.Code);
    }

    [Fact]
    public void A_template_that_does_not_parse_names_line_and_column()
    {
        var error = Assert.Throws<ExpressionException>(() => _bed.Templates.Check("Dear customer,\n{{ ticket. }}"));

        Assert.Equal(ExpressionErrorCodes.Parse, error.Code);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_rendering_escapes_strings_from_the_instance_but_not_the_template_text()
    {
        Assert.Equal("<p>&lt;b&gt;Printer&lt;/b&gt; &amp; co</p>", _bed.Template("<p>{{ ticket.title }}</p>", html: true));
        Assert.Equal("<p><b>Printer</b> & co</p>", _bed.Template("<p>{{ ticket.title }}</p>"));
    }

    [Fact]
    public async Task An_input_described_as_Html_escapes_and_other_inputs_do_not()
    {
        using var engine = new EngineHarness(services => services.AddActivity<HtmlMailActivity>());
        engine.Publish(new Flow("mail")
            .Inputs([new JsonObject { ["name"] = "title", ["type"] = "string" }])
            .Add("start", "Start")
            .Add("mail", "Test.Mail", Template("subject", "Re: {{ title }}"), Template("body", "<h1>{{ title }}</h1>"))
            .Chain("start", "mail")
            .Json);

        var run = await engine.StartAsync("mail", new JsonObject { ["title"] = "<script>alert(1)</script>" });

        var outputs = (await engine.StateAsync(run.InstanceId)).ActivityOutputs["mail"]!;
        Assert.Equal("Re: <script>alert(1)</script>", outputs["subject"]!.GetValue<string>());
        Assert.Equal("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>", outputs["body"]!.GetValue<string>());
    }

    [Fact]
    public void Values_held_as_any_CLR_type_render()
    {
        var scope = new ExpressionScope(
            new JsonObject { ["count"] = 3, ["ratio"] = 0.5m, ["moment"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), ["big"] = 5_000_000_000L },
            [], [], []);

        Assert.Equal("3 0.5 2026-01-02T03:04:05+00:00 5000000000", _bed.Templates.Render("{{ count }} {{ ratio }} {{ moment }} {{ big }}", scope, html: false, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_template_after_a_timer_can_read_the_timer_output()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("timer-then-template")
            .Add("start", "Start")
            .Add("wait", "Delay", Literal("duration", "PT1H"))
            .Add("log", "Log", Template("message", "due {{ outputs.wait.result.dueAt }}"))
            .Chain("start", "wait", "log")
            .Json);
        var run = await engine.StartAsync("timer-then-template");

        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(WorkflowStatus.Finished, (await engine.StateAsync(run.InstanceId)).Status);
        Assert.Equal("due 2026-11-30T10:00:00.0000000+00:00", Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Message);
    }
}
