using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EscalationFlows.Engine.Expressions;

/// <summary>
/// Renders Scriban templates strictly: an unknown variable or member is an error, loop/output/string limits
/// throw instead of silently truncating, there is no template loader, and HTML output escapes model strings.
/// </summary>
public sealed class TemplateRenderer
{
    private const int MaxCachedTemplates = 10_000;

    private readonly ExpressionOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public TemplateRenderer(IOptions<ExpressionOptions> options, TimeProvider? clock = null)
    {
        _options = options.Value;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Parses a template; throws <see cref="ExpressionException"/> naming line and column of the first error.</summary>
    public void Check(string text) => GetTemplate(text);

    public string Render(string text, ExpressionScope scope, bool html, CancellationToken cancellationToken = default)
    {
        var template = GetTemplate(text);
        var globals = ToGlobals(scope, html);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // A CPU budget like the JavaScript timeout, not workflow time: it is measured on the real clock.
        timeout.CancelAfter(_options.TemplateTimeout);
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedIndexerAccess = false,
            LoopLimit = _options.TemplateLoopLimit,
            RecursiveLimit = _options.TemplateRecursionLimit,
            ObjectRecursionLimit = _options.TemplateRecursionLimit,
            LimitToString = _options.TemplateStringLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = _options.TemplateOutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            TemplateLoader = null,
            MemberRenamer = member => JsonNamingPolicy.CamelCase.ConvertName(member.Name),
            CancellationToken = timeout.Token,
        };
        context.PushGlobal(globals);
        try
        {
            var output = template.Render(context);
            if (output.Length > _options.TemplateOutputLimit)
            {
                throw new ExpressionException(ExpressionErrorCodes.TemplateLimit, $"The template produced {output.Length:N0} characters; the limit is {_options.TemplateOutputLimit:N0}.");
            }

            return output;
        }
        catch (ScriptRuntimeException ex)
        {
            var code = ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? ExpressionErrorCodes.TemplateLimit : ExpressionErrorCodes.TemplateError;
            throw new ExpressionException(code, $"The template failed: {ex.OriginalMessage}{Where(ex.Span)}.", ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new ExpressionException(ExpressionErrorCodes.Timeout, $"The template ran longer than its {_options.TemplateTimeout.TotalMilliseconds:0} ms budget and was stopped.", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException or InvalidCastException
            or IndexOutOfRangeException or NullReferenceException or InsufficientExecutionStackException)
        {
            throw new ExpressionException(ExpressionErrorCodes.TemplateError, $"The template failed: {ex.Message}", ex);
        }
    }

    private Template GetTemplate(string text)
    {
        if (text.Length > _options.MaxSourceLength)
        {
            throw new ExpressionException(ExpressionErrorCodes.TooLong, $"The template is {text.Length:N0} characters long; the limit is {_options.MaxSourceLength:N0}.");
        }

        if (_templates.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var template = Template.Parse(text, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new ExpressionException(ExpressionErrorCodes.Parse, $"The template does not parse: {first.Message}{Where(first.Span)}.");
        }

        if (_templates.Count >= MaxCachedTemplates)
        {
            _templates.Clear();
        }

        _templates[text] = template;
        return template;
    }

    private static string Where(SourceSpan span) =>
        span.Start.Line >= 0 && span.Start.Column >= 0
            ? $" (line {span.Start.Line + 1}, column {span.Start.Column + 1})"
            : " (at the end of the template)";

    /// <summary>
    /// The top level is an ordinary object so that Scriban's built-ins (<c>string</c>, <c>array</c>, <c>date</c>...)
    /// still resolve and unknown names are reported by <c>StrictVariables</c>; every object below it is strict.
    /// </summary>
    private ScriptObject ToGlobals(ExpressionScope scope, bool html)
    {
        var globals = new ScriptObject();
        foreach (var (name, value) in scope.Entries())
        {
            globals.SetValue(name, ToScriptValue(value, html), readOnly: false);
        }

        if (!globals.ContainsKey("date"))
        {
            var date = new DateTimeFunctions();
            date.SetValue("now", DelegateCustomFunction.CreateFunc(() => _clock.GetUtcNow().UtcDateTime), readOnly: true);
            date.SetValue("utc_now", DelegateCustomFunction.CreateFunc(() => _clock.GetUtcNow().UtcDateTime), readOnly: true);
            globals.SetValue("date", date, readOnly: true);
        }

        return globals;
    }

    private static StrictScriptObject ToScriptObject(JsonObject json, bool html)
    {
        var result = new StrictScriptObject();
        foreach (var (name, value) in json)
        {
            result.SetValue(name, ToScriptValue(value, html), readOnly: false);
        }

        return result;
    }

    private static object? ToScriptValue(JsonNode? node, bool html) => node switch
    {
        null => null,
        JsonObject obj => ToScriptObject(obj, html),
        JsonArray array => ToScriptArray(array, html),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => html ? WebUtility.HtmlEncode(JsonStrings.Get(value)) : JsonStrings.Get(value),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => ToNumber(value),
            _ => null,
        },
        _ => null,
    };

    /// <summary>Any JSON number, whatever CLR type holds it (a JsonValue made from an int, a long, a double, ...).</summary>
    private static object ToNumber(JsonValue value)
    {
        var text = value.ToJsonString();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
            ? whole
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static ScriptArray ToScriptArray(JsonArray array, bool html)
    {
        var result = new ScriptArray(array.Count);
        foreach (var item in array)
        {
            result.Add(ToScriptValue(item, html));
        }

        return result;
    }

    /// <summary>A model object where reading a member that does not exist is an error, not an empty string.</summary>
    private sealed class StrictScriptObject : ScriptObject
    {
        public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object value)
        {
            if (base.TryGetValue(context, span, member, out var found))
            {
                value = found!;
                return true;
            }

            throw new ScriptRuntimeException(span, $"'{member}' is not a member of this object.");
        }
    }
}
