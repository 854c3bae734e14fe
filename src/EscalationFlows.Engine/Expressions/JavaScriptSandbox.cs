using Jint;
using Jint.Constraints;
using Jint.Native;

namespace EscalationFlows.Engine.Expressions;

/// <summary>One hardened engine and the deadline armed around each evaluation on it.</summary>
internal sealed class JavaScriptSandbox : IDisposable
{
    private readonly OperationDeadlineConstraint _deadline;

    public JavaScriptSandbox(Jint.Engine engine, OperationDeadlineConstraint deadline)
    {
        Engine = engine;
        _deadline = deadline;
    }

    public Jint.Engine Engine { get; }

    /// <summary>Runs a prepared script with <paramref name="scope"/> as the scope object, within the time budget.</summary>
    public JsValue Run(in Prepared<Acornima.Ast.Script> script, JsValue scope, TimeSpan budget, CancellationToken cancellationToken)
    {
        Engine.SetValue(JavaScriptEngineFactory.ScopeName, scope);
        _deadline.Begin(budget, cancellationToken);
        try
        {
            return Engine.Evaluate(script);
        }
        finally
        {
            _deadline.End();
            Engine.SetValue(JavaScriptEngineFactory.ScopeName, JsValue.Null);
        }
    }

    public void Dispose() => Engine.Dispose();
}
