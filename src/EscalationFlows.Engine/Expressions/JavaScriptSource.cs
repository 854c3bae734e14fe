using Acornima;
using Acornima.Ast;

namespace EscalationFlows.Engine.Expressions;

/// <summary>
/// A checked piece of user JavaScript. A single expression is evaluated for its value
/// (<c>ticket.impact &lt;= 2</c>); anything else is treated as a function body that must <c>return</c>.
/// </summary>
internal sealed class JavaScriptSource
{
    private static readonly ParserOptions ParserOptions = new()
    {
        AllowReturnOutsideFunction = true,
        EcmaVersion = EcmaVersion.Latest,
        Tolerant = false,
    };

    private JavaScriptSource(string code, bool isExpression, IReadOnlyList<string> variableReads)
    {
        Code = code;
        IsExpression = isExpression;
        VariableReads = variableReads;
    }

    public string Code { get; }

    public bool IsExpression { get; }

    /// <summary>Names read as <c>vars.name</c>, so validation can flag undeclared variables.</summary>
    public IReadOnlyList<string> VariableReads { get; }

    /// <summary>
    /// The script handed to Jint: the user code runs in a strict function whose free names resolve from the scope
    /// object (a <c>with</c> in a sloppy outer function), and the result leaves the engine as JSON text produced
    /// inside the budget by the frozen <c>JSON.stringify</c>.
    /// </summary>
    public string Wrapped => IsExpression
        ? $"(function(){{ var r = (function(){{ with (Object.setPrototypeOf({JavaScriptEngineFactory.ScopeName}, null)) {{ return (function(){{ 'use strict'; return (\n{Code}\n); }})(); }} }})(); return JSON.stringify(r); }})()"
        : $"(function(){{ var r = (function(){{ with (Object.setPrototypeOf({JavaScriptEngineFactory.ScopeName}, null)) {{ return (function(){{ 'use strict';\n{Code}\n}})(); }} }})(); return JSON.stringify(r); }})()";

    /// <summary>
    /// Parses user code as strict-mode code (it runs in strict mode); throws <see cref="ExpressionException"/> with
    /// line and column on a syntax error. Code that reads as one expression is evaluated for its value; code that
    /// reads as a lone block (<c>{ a: 1 }</c>) but also as an expression is the object literal its author meant.
    /// </summary>
    public static JavaScriptSource Parse(string code)
    {
        Acornima.Ast.Program? program = null;
        ParseErrorException? scriptError = null;
        try
        {
            program = new Parser(ParserOptions).ParseScript(code, sourceFile: null, strict: true);
        }
        catch (ParseErrorException ex)
        {
            scriptError = ex;
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw TooDeep(ex);
        }

        Node root;
        bool isExpression;
        if (program is { Body: [ExpressionStatement] })
        {
            (root, isExpression) = (program, true);
        }
        else if (program is null or { Body: [BlockStatement] } && TryParseExpression(code) is { } expression)
        {
            (root, isExpression) = (expression, true);
        }
        else if (program is not null)
        {
            (root, isExpression) = (program, false);
        }
        else
        {
            throw new ExpressionException(
                ExpressionErrorCodes.Parse,
                $"The JavaScript does not parse: {scriptError!.Description} (line {scriptError.LineNumber}, column {scriptError.Column}).",
                scriptError);
        }

        var reads = new VariableReadCollector();
        reads.Visit(root);
        return new JavaScriptSource(code, isExpression, reads.Names);
    }

    private static Expression? TryParseExpression(string code)
    {
        try
        {
            return new Parser(ParserOptions).ParseExpression(code, sourceFile: null, strict: true);
        }
        catch (ParseErrorException)
        {
            return null;
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw TooDeep(ex);
        }
    }

    private static ExpressionException TooDeep(Exception ex) =>
        new(ExpressionErrorCodes.Parse, "The JavaScript is nested too deeply to be read.", ex);

    private sealed class VariableReadCollector : AstVisitor
    {
        private readonly List<string> _names = [];

        public IReadOnlyList<string> Names => _names;

        protected override object? VisitMemberExpression(MemberExpression node)
        {
            if (node.Object is Identifier { Name: "vars" } && !node.Computed && node.Property is Identifier property
                && !_names.Contains(property.Name, StringComparer.Ordinal))
            {
                _names.Add(property.Name);
            }

            return base.VisitMemberExpression(node);
        }
    }
}
