namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>One problem with submitted form data: the JSON pointer of the field (into the data) and a plain sentence.</summary>
public sealed record FormFieldError(string Pointer, string Message);
