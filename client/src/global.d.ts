/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.scss';
declare module '*.png';
declare module '*.svg';

/** CloudBase environment id, from `TCB_ENV` at build time (empty = the default environment). */
declare const CLOUD_ENV: string;
