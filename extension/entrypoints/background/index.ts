export default defineBackground(() => { console.log('hi'); });
