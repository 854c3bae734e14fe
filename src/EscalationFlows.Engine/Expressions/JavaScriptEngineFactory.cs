using Jint;

namespace EscalationFlows.Engine.Expressions;

/// <summary>Creates sandboxed Jint engines: no CLR access, no string compilation, every budget set, built-ins frozen.</summary>
internal static class JavaScriptEngineFactory
{
    // Freezing the intrinsics means one evaluation can never change what the next one sees on a pooled engine.
    private const string HardeningScript = """
        (function () {
          'use strict';
          var g = globalThis;
          var names = Object.getOwnPropertyNames(g);
          for (var i = 0; i < names.length; i++) {
            if (names[i] === '__scope' || names[i] === 'globalThis') { continue; }
            var value = g[names[i]];
            if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
              if (typeof value === 'function' && value.prototype) { Object.freeze(value.prototype); }
              Object.freeze(value);
            }
            var d = Object.getOwnPropertyDescriptor(g, names[i]);
            if (d && d.configurable) {
              if ('value' in d) { Object.defineProperty(g, names[i], { writable: false, configurable: false }); }
              else { Object.defineProperty(g, names[i], { configurable: false }); }
            }
          }
          Object.freeze(Object.getPrototypeOf(function* () {}));
          Object.freeze(Object.getPrototypeOf(async function () {}));
          Object.defineProperty(g, 'globalThis', { writable: false, configurable: false });
          Object.preventExtensions(g);
        })();
        """;

    public static Jint.Engine Create(ExpressionOptions options)
    {
        var engine = new Jint.Engine(o =>
        {
            o.TimeoutInterval(options.JavaScriptTimeout);
            o.MaxStatements(options.JavaScriptMaxStatements);
            o.LimitMemory(options.JavaScriptMemoryLimitBytes);
            o.LimitRecursion(options.JavaScriptMaxRecursionDepth);
            o.MaxArraySize(options.JavaScriptMaxArraySize);
            o.DisableStringCompilation();
            o.Constraints.RegexTimeout = options.RegexTimeout;
            o.Interop.AllowGetType = false;
            o.Interop.AllowSystemReflection = false;
            o.Interop.AllowWrite = false;
        });
        engine.SetValue("__scope", Jint.Native.JsValue.Null);
        engine.Execute(HardeningScript);
        return engine;
    }
}
