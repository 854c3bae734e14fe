using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Engine.Expressions;

/// <summary>
/// Runs JavaScript expressions on pooled, sandboxed Jint engines with prepared scripts cached by source.
/// An engine that hit a budget is discarded, never returned to the pool.
/// </summary>
public sealed class JavaScriptEvaluator
{
    private const int MaxCachedScripts = 10_000;
    private const string StackExhausted = "Maximum call stack size exceeded";

    private static readonly JsonDocumentOptions ResultOptions = new() { MaxDepth = WorkflowJson.MaxDepth };

    private readonly ExpressionOptions _options;
    private readonly ObjectPool<JavaScriptSandbox> _pool;
    private readonly ConcurrentDictionary<string, CachedScript> _scripts = new(StringComparer.Ordinal);

    public JavaScriptEvaluator(IOptions<ExpressionOptions> options, TimeProvider? clock = null)
    {
        _options = options.Value;
        _pool = new DefaultObjectPool<JavaScriptSandbox>(new EnginePolicy(_options, clock ?? TimeProvider.System), Environment.ProcessorCount * 2);
    }

    /// <summary>Checks syntax and collects <c>vars.x</c> reads without running anything.</summary>
    public IReadOnlyList<string> Check(string code)
    {
        EnsureLength(code);
        return JavaScriptSource.Parse(code).VariableReads;
    }

    public JsonNode? Evaluate(string code, ExpressionScope scope, CancellationToken cancellationToken = default)
    {
        EnsureLength(code);
        var script = GetScript(code);
        var sandbox = _pool.Get();
        var healthy = true;
        try
        {
            // The scope JSON nests the state's values two levels deeper (vars.name...), so allow for that.
            var data = new JsonParser(sandbox.Engine, (WorkflowJson.MaxDepth * 2) + 2).Parse(scope.ToJson());
            var result = sandbox.Run(script.Prepared, data, _options.JavaScriptTimeout, cancellationToken);
            return ToNode(result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            healthy = false;
            throw;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.Timeout, "A regular expression in the JavaScript ran past its time budget and was stopped.", ex);
        }
        catch (TimeoutException ex)
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.Timeout, $"The JavaScript ran longer than its {_options.JavaScriptTimeout.TotalMilliseconds:0} ms budget and was stopped.", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.StatementLimit, $"The JavaScript executed more than {_options.JavaScriptMaxStatements:N0} statements and was stopped.", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.MemoryLimit, $"The JavaScript used more memory than its budget ({ex.Message}) and was stopped.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.RecursionLimit, $"The JavaScript recursed deeper than {_options.JavaScriptMaxRecursionDepth} calls and was stopped.", ex);
        }
        catch (InsufficientExecutionStackException ex)
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.RecursionLimit, "The JavaScript nested too deeply and was stopped.", ex);
        }
        catch (JavaScriptException ex) when (ex.Message.Contains(StackExhausted, StringComparison.Ordinal))
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.RecursionLimit, "The JavaScript nested too deeply (for example a very deep object or array) and was stopped.", ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException(ExpressionErrorCodes.Error, $"The JavaScript threw: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException(ExpressionErrorCodes.Error, $"The JavaScript returned a value nested deeper than {WorkflowJson.MaxDepth} levels.", ex);
        }
        catch (JintException ex)
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.Error, $"The JavaScript failed: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            healthy = false;
            throw new ExpressionException(ExpressionErrorCodes.Error, $"The JavaScript failed: {ex.Message}", ex);
        }
        finally
        {
            if (healthy)
            {
                _pool.Return(sandbox);
            }
            else
            {
                sandbox.Dispose();
            }
        }
    }

    private void EnsureLength(string code)
    {
        if (code.Length > _options.MaxSourceLength)
        {
            throw new ExpressionException(ExpressionErrorCodes.TooLong, $"The JavaScript is {code.Length:N0} characters long; the limit is {_options.MaxSourceLength:N0}.");
        }
    }

    private CachedScript GetScript(string code)
    {
        if (_scripts.TryGetValue(code, out var cached))
        {
            return cached;
        }

        var source = JavaScriptSource.Parse(code);
        Prepared<Acornima.Ast.Script> prepared;
        try
        {
            prepared = Jint.Engine.PrepareScript(source.Wrapped, strict: false);
        }
        catch (ScriptPreparationException ex)
        {
            throw new ExpressionException(ExpressionErrorCodes.Parse, $"The JavaScript cannot be prepared: {ex.Message}", ex);
        }

        cached = new CachedScript(prepared);
        if (_scripts.Count >= MaxCachedScripts)
        {
            _scripts.Clear();
        }

        _scripts[code] = cached;
        return cached;
    }

    /// <summary>The wrapper returns JSON text (or undefined for undefined, functions and symbols).</summary>
    private static JsonNode? ToNode(JsValue value) =>
        value.IsString() ? JsonNode.Parse(value.AsString(), documentOptions: ResultOptions) : null;

    private sealed record CachedScript(Prepared<Acornima.Ast.Script> Prepared);

    private sealed class EnginePolicy(ExpressionOptions options, TimeProvider clock) : PooledObjectPolicy<JavaScriptSandbox>
    {
        public override JavaScriptSandbox Create() => JavaScriptEngineFactory.Create(options, clock);

        public override bool Return(JavaScriptSandbox obj) => true;
    }
}
