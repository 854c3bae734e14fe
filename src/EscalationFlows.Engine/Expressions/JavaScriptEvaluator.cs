using System.Collections.Concurrent;
using System.Text.Json.Nodes;
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

    private readonly ExpressionOptions _options;
    private readonly ObjectPool<Jint.Engine> _pool;
    private readonly ConcurrentDictionary<string, CachedScript> _scripts = new(StringComparer.Ordinal);

    public JavaScriptEvaluator(IOptions<ExpressionOptions> options)
    {
        _options = options.Value;
        _pool = new DefaultObjectPool<Jint.Engine>(new EnginePolicy(_options), Environment.ProcessorCount * 2);
    }

    /// <summary>Checks syntax and collects <c>vars.x</c> reads without running anything.</summary>
    public IReadOnlyList<string> Check(string code)
    {
        EnsureLength(code);
        return JavaScriptSource.Parse(code).VariableReads;
    }

    public JsonNode? Evaluate(string code, ExpressionScope scope)
    {
        EnsureLength(code);
        var script = GetScript(code);
        var engine = _pool.Get();
        var healthy = true;
        try
        {
            engine.SetValue("__scope", new JsonParser(engine).Parse(scope.ToJson()));
            var result = engine.Evaluate(script.Prepared);
            return ToNode(engine, result);
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
        catch (JavaScriptException ex)
        {
            throw new ExpressionException(ExpressionErrorCodes.Error, $"The JavaScript threw: {ex.Message}", ex);
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
                engine.SetValue("__scope", JsValue.Null);
                _pool.Return(engine);
            }
            else
            {
                engine.Dispose();
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
        var prepared = Jint.Engine.PrepareScript(source.Wrapped, strict: false);
        cached = new CachedScript(prepared);
        if (_scripts.Count >= MaxCachedScripts)
        {
            _scripts.Clear();
        }

        _scripts[code] = cached;
        return cached;
    }

    private static JsonNode? ToNode(Jint.Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value.IsNumber())
        {
            var number = value.AsNumber();
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                return null;
            }

            return number == Math.Floor(number) && Math.Abs(number) < 9e15 ? JsonValue.Create((long)number) : JsonValue.Create(number);
        }

        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
    }

    private sealed record CachedScript(Prepared<Acornima.Ast.Script> Prepared);

    private sealed class EnginePolicy(ExpressionOptions options) : PooledObjectPolicy<Jint.Engine>
    {
        public override Jint.Engine Create() => JavaScriptEngineFactory.Create(options);

        public override bool Return(Jint.Engine obj) => true;
    }
}
