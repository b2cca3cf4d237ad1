/**
 * Custom function executions (Workflow Builder steps) in the fake Slack. A test starts an execution and gets
 * the `function_executed` event Slack would send; the app ends it with functions.completeSuccess or
 * functions.completeError, called with the execution's own `bot_access_token` (Bolt's attachFunctionToken).
 * Errors follow Slack's method pages: function_execution_not_found, execution_not_in_running_state,
 * parameter_validation_failed (a required output missing).
 */
import { randomBytes } from "node:crypto";
import type { MethodContext, MethodResult } from "./slack-methods.js";
import type { WorkspaceInfo } from "./slack-shapes.js";
import type { SlackWorkspace } from "./slack-state.js";

/** One parameter as manifest.yml declares it under functions.<callback_id>. */
export interface FunctionParameter {
  type: string;
  title?: string;
  description?: string;
  is_required?: boolean;
}

export interface FunctionDefinition {
  title: string;
  description?: string;
  input_parameters?: Record<string, FunctionParameter>;
  output_parameters?: Record<string, FunctionParameter>;
}

export interface FunctionExecutionInput {
  callbackId: string;
  definition: FunctionDefinition;
  inputs: Record<string, unknown>;
}

export interface FunctionExecution {
  id: string;
  callbackId: string;
  token: string;
  state: "running" | "completed" | "failed";
  outputs?: Record<string, unknown>;
  error?: string;
  requiredOutputs: string[];
}

const executionsByWorkspace = new WeakMap<SlackWorkspace, Map<string, FunctionExecution>>();

function executionsOf(ws: SlackWorkspace): Map<string, FunctionExecution> {
  let executions = executionsByWorkspace.get(ws);
  if (!executions) {
    executions = new Map();
    executionsByWorkspace.set(ws, executions);
  }
  return executions;
}

function id(prefix: string): string {
  return `${prefix}${randomBytes(5).toString("hex").toUpperCase()}`;
}

/** Manifest parameters (keyed by name) as the event lists them (an array with names). */
function parameterList(parameters: Record<string, FunctionParameter> = {}) {
  return Object.entries(parameters).map(([name, p]) => ({
    type: p.type,
    name,
    description: p.description ?? "",
    title: p.title ?? name,
    is_required: p.is_required ?? false,
  }));
}

/** Starts an execution; returns the `function_executed` event (for the Events API envelope). */
export function startFunctionExecution(
  ws: SlackWorkspace,
  info: WorkspaceInfo,
  input: FunctionExecutionInput,
): { event: Record<string, unknown>; execution: FunctionExecution } {
  const execution: FunctionExecution = {
    id: id("Fx"),
    callbackId: input.callbackId,
    token: `xwfp-${info.teamId}-${randomBytes(12).toString("hex")}`,
    state: "running",
    requiredOutputs: Object.entries(input.definition.output_parameters ?? {})
      .filter(([, p]) => p.is_required)
      .map(([name]) => name),
  };
  executionsOf(ws).set(execution.id, execution);
  const eventTs = ws.nextTs();
  const event = {
    type: "function_executed",
    function: {
      id: id("Fn"),
      callback_id: input.callbackId,
      title: input.definition.title,
      description: input.definition.description ?? "",
      type: "app",
      input_parameters: parameterList(input.definition.input_parameters),
      output_parameters: parameterList(input.definition.output_parameters),
      app_id: info.appId,
      date_created: info.epoch,
      date_updated: info.epoch,
      date_deleted: 0,
    },
    inputs: structuredClone(input.inputs),
    function_execution_id: execution.id,
    workflow_execution_id: id("Wx"),
    event_ts: eventTs,
    bot_access_token: execution.token,
  };
  return { event, execution };
}

/** Whether a token is the bot_access_token of an execution still running (it ends with the execution). */
export function isRunningExecutionToken(ws: SlackWorkspace, token: string): boolean {
  for (const execution of executionsOf(ws).values())
    if (execution.token === token) return execution.state === "running";
  return false;
}

export function functionExecutions(ws: SlackWorkspace): FunctionExecution[] {
  return [...executionsOf(ws).values()].map((e) => structuredClone(e));
}

type Found = { execution: FunctionExecution } | { error: MethodResult };

function runningExecution(ctx: MethodContext): Found {
  ctx.accepted = [];
  const executionId = ctx.params.function_execution_id;
  if (typeof executionId !== "string" || executionId === "")
    return { error: { ok: false, error: "invalid_arguments" } };
  const execution = executionsOf(ctx.ws).get(executionId);
  if (!execution) return { error: { ok: false, error: "function_execution_not_found" } };
  if (execution.state !== "running") return { error: { ok: false, error: "execution_not_in_running_state" } };
  return { execution };
}

/** Objects arrive JSON-encoded in form bodies (as @slack/web-api sends them) and as objects in JSON bodies. */
function objectParam(value: unknown): Record<string, unknown> | undefined {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return parsed && typeof parsed === "object" && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

function completeSuccess(ctx: MethodContext): MethodResult {
  const found = runningExecution(ctx);
  if ("error" in found) return found.error;
  const outputs = objectParam(ctx.params.outputs);
  if (!outputs) return { ok: false, error: "invalid_arguments" };
  const missing = found.execution.requiredOutputs.filter((name) => outputs[name] === undefined);
  if (missing.length > 0)
    return {
      ok: false,
      error: "parameter_validation_failed",
      errors: missing.map((name) => ({ pointer: `/outputs/${name}`, message: "missing required field" })),
    };
  found.execution.state = "completed";
  found.execution.outputs = outputs;
  return { ok: true };
}

function completeError(ctx: MethodContext): MethodResult {
  const found = runningExecution(ctx);
  if ("error" in found) return found.error;
  const error = ctx.params.error;
  if (typeof error !== "string" || error === "") return { ok: false, error: "invalid_arguments" };
  found.execution.state = "failed";
  found.execution.error = error;
  return { ok: true };
}

export const FUNCTION_METHODS = {
  "functions.completeSuccess": completeSuccess,
  "functions.completeError": completeError,
};
