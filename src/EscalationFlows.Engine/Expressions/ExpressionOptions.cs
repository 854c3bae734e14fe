namespace EscalationFlows.Engine.Expressions;

/// <summary>Budgets every user expression runs under. Bound from the <c>Expressions</c> configuration section.</summary>
public sealed class ExpressionOptions
{
    public TimeSpan JavaScriptTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public int JavaScriptMaxStatements { get; set; } = 1_000_000;

    public long JavaScriptMemoryLimitBytes { get; set; } = 32L * 1024 * 1024;

    public int JavaScriptMaxRecursionDepth { get; set; } = 128;

    public uint JavaScriptMaxArraySize { get; set; } = 100_000;

    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    public int MaxSourceLength { get; set; } = 65_536;

    public int TemplateLoopLimit { get; set; } = 1_000;

    public int TemplateRecursionLimit { get; set; } = 20;

    public int TemplateOutputLimit { get; set; } = 256 * 1024;

    public int TemplateStringLimit { get; set; } = 64 * 1024;

    public TimeSpan TemplateTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
