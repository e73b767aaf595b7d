/** What other modules use from the task board. */
export { listTasks, type TaskBoard } from './list-tasks.ts';
export { tasksModule } from './module.ts';
export { TASK_STATES, type TaskState } from './tables.ts';
