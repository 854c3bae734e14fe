namespace EscalationFlows.Bench.Studio;

/// <summary>What the page recorded (EvaluateAsync needs a class with a parameterless constructor and setters).</summary>
public sealed class Marks
{
    public double FirstNode { get; set; }

    public double Panel { get; set; }

    public int Nodes { get; set; }
}
