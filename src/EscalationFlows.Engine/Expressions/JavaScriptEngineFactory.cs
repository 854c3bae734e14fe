using System.Globalization;
using Jint;
using Jint.Constraints;

namespace EscalationFlows.Engine.Expressions;

/// <summary>
/// Creates sandboxed Jint engines: no CLR access, no string compilation, every budget set, a guard that turns
/// native stack exhaustion into a catchable error, time from the engine's <see cref="TimeProvider"/>, and every
/// object reachable from the global scope deeply frozen.
/// </summary>
internal static class JavaScriptEngineFactory
{
    /// <summary>The global that receives each evaluation's data; the only writable global binding.</summary>
    public const string ScopeName = "__scope";

    // Freezing every reachable intrinsic (not only the globals: also iterator, generator and typed-array
    // prototypes, which are reachable only through instances) means one evaluation can never change what the
    // next one sees on a pooled engine. Freezing prototypes would break plain code such as
    // `o.toString = f` (the "override mistake"), so a few such names on prototypes become accessors whose
    // setter defines the property on the receiving object instead.
    private const string HardeningScript = """
        (function () {
          'use strict';
          var g = globalThis;
          var ownKeys = Reflect.ownKeys;
          var getDescriptor = Object.getOwnPropertyDescriptor;
          var define = Object.defineProperty;
          var getPrototype = Object.getPrototypeOf;
          var freeze = Object.freeze;
          var hasOwn = Object.prototype.hasOwnProperty;
          var TypeErrorCtor = TypeError;
          var overridable = ['constructor', 'toString', 'toLocaleString', 'valueOf', 'toJSON', 'name', 'message'];

          // The legacy RegExp statics (RegExp.$1, lastMatch, input, ...) are rewritten by every match: they would
          // carry data from one evaluation (one instance) into the next. Remove them before freezing.
          var legacy = ['input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'",
            '$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];
          for (var l = 0; l < legacy.length; l++) {
            delete RegExp[legacy[l]];
          }

          var roots = [
            g,
            getPrototype(function* () {}),
            getPrototype(async function () {}),
            getPrototype(async function* () {}),
            getPrototype((function* () {})()),
            getPrototype((async function* () {})()),
            getPrototype([][Symbol.iterator]()),
            getPrototype(new Map()[Symbol.iterator]()),
            getPrototype(new Set()[Symbol.iterator]()),
            getPrototype(''[Symbol.iterator]()),
            getPrototype(/a/[Symbol.matchAll]('a')),
            getPrototype(Int8Array),
            getPrototype(function () {}),
            getPrototype(Promise.resolve()),
          ];

          // Prototypes reachable only through objects some built-ins return (iterator helpers and wrappers).
          var hidden = [
            function () { return [].values().map(function (x) { return x; }); },
            function () { return Iterator.from({ next: function () { return { done: true }; } }); },
          ];
          for (var h = 0; h < hidden.length; h++) {
            try {
              roots.push(getPrototype(hidden[h]()));
            } catch (e) {
              // Not supported by this engine version: nothing to freeze.
            }
          }

          var seen = [];
          var marks = new Set();
          var pending = roots.slice();
          while (pending.length > 0) {
            var o = pending.pop();
            if (o === null || o === undefined || (typeof o !== 'object' && typeof o !== 'function') || marks.has(o)) {
              continue;
            }
            marks.add(o);
            seen.push(o);
            var keys = ownKeys(o);
            for (var i = 0; i < keys.length; i++) {
              if (o === g && keys[i] === '__scope') {
                continue;
              }
              var d = getDescriptor(o, keys[i]);
              if (!d) {
                continue;
              }
              if ('value' in d) {
                pending.push(d.value);
              } else {
                pending.push(d.get);
                pending.push(d.set);
              }
            }
            pending.push(getPrototype(o));
          }

          function isPrototype(o) {
            var c = getDescriptor(o, 'constructor');
            return c !== undefined && 'value' in c && typeof c.value === 'function' && c.value.prototype === o;
          }

          function tame(o, key) {
            var d = getDescriptor(o, key);
            if (!d || !('value' in d) || !d.configurable) {
              return;
            }
            var value = d.value;
            define(o, key, {
              get: function () { return value; },
              set: function (v) {
                if (this === o) {
                  throw new TypeErrorCtor('Cannot assign to read only property \'' + String(key) + '\' of a built-in object');
                }
                if (hasOwn.call(this, key)) {
                  throw new TypeErrorCtor('Cannot assign to read only property \'' + String(key) + '\'');
                }
                define(this, key, { value: v, writable: true, enumerable: true, configurable: true });
              },
              enumerable: d.enumerable,
              configurable: false,
            });
          }

          for (var j = 0; j < seen.length; j++) {
            var target = seen[j];
            if (target === g) {
              continue;
            }
            if (isPrototype(target)) {
              for (var k = 0; k < overridable.length; k++) {
                tame(target, overridable[k]);
              }
            }
            freeze(target);
          }

          var names = ownKeys(g);
          for (var n = 0; n < names.length; n++) {
            if (names[n] === '__scope') {
              continue;
            }
            var gd = getDescriptor(g, names[n]);
            if (gd && gd.configurable) {
              if ('value' in gd) {
                define(g, names[n], { writable: false, configurable: false });
              } else {
                define(g, names[n], { configurable: false });
              }
            }
          }
          Object.preventExtensions(g);
        })();
        """;

    /// <summary>
    /// Creates and hardens an engine. The hardening script runs before the budgets are armed (a sandbox's time
    /// budget is armed per evaluation, and its statement budget is lifted while the script runs), so a small
    /// budget never fails engine creation.
    /// </summary>
    public static JavaScriptSandbox Create(ExpressionOptions options, TimeProvider clock)
    {
        var deadline = new OperationDeadlineConstraint();
        var engine = new Jint.Engine(o =>
        {
            o.Constraints.Constraints.Add(deadline);
            o.MaxStatements(options.JavaScriptMaxStatements);
            o.LimitMemory(options.JavaScriptMemoryLimitBytes);
            o.LimitRecursion(options.JavaScriptMaxRecursionDepth);
            o.MaxArraySize(options.JavaScriptMaxArraySize);
            o.DisableStringCompilation();
            o.Constraints.RegexTimeout = options.RegexTimeout;

            // Native recursion (JSON.stringify of a deep object, Array#flat, nested toString) would otherwise
            // overflow the CLR stack and kill the process; with the guard it becomes a RangeError.
            o.Constraints.StackOverflowGuard = true;
            o.Interop.AllowGetType = false;
            o.Interop.AllowSystemReflection = false;
            o.Interop.AllowWrite = false;
            o.Culture = CultureInfo.InvariantCulture;
            o.TimeZone = TimeZoneInfo.Utc;
            o.TimeSystem = new ClockTimeSystem(clock);
        });
        engine.SetValue(ScopeName, Jint.Native.JsValue.Null);
        var statements = engine.Constraints.Find<MaxStatementsConstraint>();
        if (statements is not null)
        {
            statements.MaxStatements = int.MaxValue;
        }

        try
        {
            engine.Execute(HardeningScript);
        }
        finally
        {
            if (statements is not null)
            {
                statements.MaxStatements = options.JavaScriptMaxStatements;
            }
        }

        return new JavaScriptSandbox(engine, deadline);
    }
}
