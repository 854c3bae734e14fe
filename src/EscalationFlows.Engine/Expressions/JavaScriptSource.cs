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
    /// line and column on a syntax error.
    /// </summary>
    public static JavaScriptSource Parse(string code)
    {
        Acornima.Ast.Program program;
        try
        {
            program = new Parser(ParserOptions).ParseScript(code, sourceFile: null, strict: true);
        }
        catch (ParseErrorException ex)
        {
            throw new ExpressionException(
                ExpressionErrorCodes.Parse,
                $"The JavaScript does not parse: {ex.Description} (line {ex.LineNumber}, column {ex.Column}).",
                ex);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new ExpressionException(ExpressionErrorCodes.Parse, "The JavaScript is nested too deeply to be read.", ex);
        }

        var isExpression = program.Body.Count == 1 && program.Body[0] is ExpressionStatement;
        var reads = new VariableReadCollector();
        reads.Visit(program);
        return new JavaScriptSource(code, isExpression, reads.Names);
    }

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
